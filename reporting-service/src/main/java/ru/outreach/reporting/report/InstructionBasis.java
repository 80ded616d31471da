package ru.outreach.reporting.report;

/** The day by which an instruction falls in a period: issued (reports 1 and 3), or due (report 4's share on time). */
public enum InstructionBasis {
    ISSUED, DUE
}
