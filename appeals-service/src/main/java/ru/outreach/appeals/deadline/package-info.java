/** The scheduled check that records missed answer terms and raises instructions' "due soon" and "overdue". */
package ru.outreach.appeals.deadline;
