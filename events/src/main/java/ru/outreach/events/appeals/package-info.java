/** Events published by the appeals service on {@code appeals.v1} and {@code instructions.v1}. No personal data. */
package ru.outreach.events.appeals;
