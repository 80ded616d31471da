/**
 * The audit of reads of citizens' personal data: one record per answer that carried a citizen's details, appended to
 * {@code personalDataReads} and never changed or removed; the personal-data officer searches it.
 */
package ru.outreach.meetings.audit;
