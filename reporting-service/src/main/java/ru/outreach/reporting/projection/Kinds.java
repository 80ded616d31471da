package ru.outreach.reporting.projection;

/** The collections of the read models: fact documents and cell kinds (one collection per kind, named cells_kind). */
public final class Kinds {

    public static final String GROUPS = "groups";
    public static final String MEETINGS = "meetings";
    public static final String APPEALS = "appeals";
    public static final String INSTRUCTIONS = "instructions";

    /**
     * Per year of receipt; dims: [total] [category, c] [territory, t] [channel, ch] [month, 01..12]
     * [categoryTerritory, c, t].
     */
    public static final String APPEAL_CELLS = "appealYear";
    /**
     * Per month; dims: [groupId]; meetings by their day; minutes handed over (and on time) by the month of their due
     * day.
     */
    public static final String GROUP_CELLS = "groupMonth";
    /**
     * Per due day ({@code 2026-07-15}); dims: [groupId]; minutes of a held meeting not handed over yet. They count as
     * due only once the day has passed, so the query reads the days before today.
     */
    public static final String GROUP_DAY_CELLS = "groupDay";
    /** The classifier's latest name per category code, as the appeals' events carry it. */
    public static final String CATEGORIES = "categories";
    /** Per month; dims: [meetingId]; instructions issued at a meeting by issue month, and by due month. */
    public static final String MEETING_INSTRUCTION_CELLS = "meetingInstructionMonth";
    /** Per month of issue or assignment; dims: [department]. */
    public static final String EXECUTOR_CELLS = "executorMonth";
    /**
     * Items still owing a step, per month of issue or assignment (the cohort); dims: [type, key, due month] with type
     * instruction|appeal (key: department) or meetingInstruction (key: meeting id). "Overdue now" = those due in a
     * month before the current one, plus those of {@link #OPEN_DAY_CELLS} due this month before today.
     */
    public static final String OPEN_CELLS = "openMonth";
    /** The same open items per due day ({@code 2026-07-15}); dims: [type, key, cohort month]. */
    public static final String OPEN_DAY_CELLS = "openDay";

    public static final java.util.List<String> FACTS = java.util.List.of(GROUPS, MEETINGS, APPEALS, INSTRUCTIONS);
    public static final java.util.List<String> CELLS = java.util.List.of(APPEAL_CELLS, GROUP_CELLS,
            GROUP_DAY_CELLS, MEETING_INSTRUCTION_CELLS, EXECUTOR_CELLS, OPEN_CELLS, OPEN_DAY_CELLS);

    public static String collection(String cellKind) {
        return "cells_" + cellKind;
    }

    private Kinds() {
    }
}
