/** The read models: per-entity facts and pre-aggregated cells, kept up to date from the three topics. */
package ru.outreach.reporting.projection;
