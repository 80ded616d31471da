/** The legal terms of 59-FZ for appeals and the deadline signals of instructions, as configurable numbers. */
package ru.outreach.appeals.terms;
