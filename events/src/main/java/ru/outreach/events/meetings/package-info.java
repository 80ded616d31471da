/** Events published by the meetings service on {@code meetings.v1} and {@code meetings.intake.v1}. */
package ru.outreach.events.meetings;
