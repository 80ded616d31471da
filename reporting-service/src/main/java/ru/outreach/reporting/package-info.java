/** The reporting service: read models built from the events of the other services, and the head's reports. */
package ru.outreach.reporting;
