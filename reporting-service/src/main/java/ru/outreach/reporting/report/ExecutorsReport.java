package ru.outreach.reporting.report;

import java.util.List;

/** Report 3: executors' discipline in a period, per executor department. */
public record ExecutorsReport(Period period, List<ExecutorRow> executors) {

    /**
     * @param extensionsAsked       extensions requested for instructions plus extensions of appeals' terms
     * @param instructionExtensions of those, the instructions'
     * @param appealExtensions      of those, the appeals'
     */
    public record ExecutorRow(String department, long instructionsAssigned, long instructionsClosed,
                              long instructionsClosedOnTime, long instructionsOverdueNow, long appealsAssigned,
                              long appealsAnswered, long appealsAnsweredOnTime, long appealsOverdueNow,
                              long extensionsAsked, long instructionExtensions, long appealExtensions) {
    }
}
