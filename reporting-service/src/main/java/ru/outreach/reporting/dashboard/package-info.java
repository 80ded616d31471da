/** The head's dashboard: the static page at {@code /} (resources/static) and what serves it. */
package ru.outreach.reporting.dashboard;
