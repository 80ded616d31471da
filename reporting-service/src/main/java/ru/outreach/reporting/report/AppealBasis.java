package ru.outreach.reporting.report;

/** The day by which an appeal falls in a period: received (report 2), or assigned to an executor (report 3). */
public enum AppealBasis {
    RECEIVED, ASSIGNED
}
