/** Working days by the Russian production calendar: the deadline of the minutes is counted in them. */
package ru.outreach.meetings.calendar;
