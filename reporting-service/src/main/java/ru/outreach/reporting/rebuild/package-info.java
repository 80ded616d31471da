/** Rebuild of the read models: the three topics replayed into a copy that replaces the live one at the end. */
package ru.outreach.reporting.rebuild;
