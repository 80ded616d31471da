/** Rebuild of the read models by replaying the three topics from the beginning, with progress. */
package ru.outreach.reporting.rebuild;
