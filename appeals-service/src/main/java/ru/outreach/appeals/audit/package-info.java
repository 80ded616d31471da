/**
 * The personal-data audit (152-FZ): who read which citizen's details, and the retention job's erasure acts. Both
 * collections are append-only: the service inserts and reads, there is no code path that changes or deletes a record.
 */
package ru.outreach.appeals.audit;
