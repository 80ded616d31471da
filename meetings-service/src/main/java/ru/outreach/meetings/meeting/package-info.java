/** Outreach meetings through their life: planned, venue agreed, announced, rescheduled, cancelled, held. */
package ru.outreach.meetings.meeting;
