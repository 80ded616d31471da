/** Intake from {@code meetings.intake.v1}: reception cards and written appeals become appeals, instructions instructions. */
package ru.outreach.appeals.intake;
