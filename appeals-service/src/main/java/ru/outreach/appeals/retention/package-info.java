/** Erases citizens' details after the retention period, on a schedule or when the administrator asks, with an act. */
package ru.outreach.appeals.retention;
