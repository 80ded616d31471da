/**
 * Regulation 3.6.1: before a meeting the secretary prepares the brief of the territory's open problems, asked of the
 * appeals service through a time limit and a circuit breaker; when it cannot answer, the last brief is shown as stale
 * or the brief is said to be unavailable, and the meetings service goes on working.
 */
package ru.outreach.meetings.brief;
