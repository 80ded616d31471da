/**
 * Minutes of a held meeting: questions and answers, remarks, proposals and their evaluation, reception cards,
 * written appeals and the leader's instructions; signed, handed to the control department within five working days,
 * results published. Signing hands the cards, appeals and instructions on to the appeals service.
 */
package ru.outreach.meetings.minutes;
