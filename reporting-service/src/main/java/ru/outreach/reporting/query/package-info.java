/** The reports computed from the read models' cells, as Java methods and as the JSON API under /api/reports. */
package ru.outreach.reporting.query;
