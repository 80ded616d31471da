/** Regulation 3.1: every information group meets the residents at least once a calendar quarter. */
package ru.outreach.meetings.quarterly;
