package ru.outreach.reporting.report;

import java.util.Map;

/**
 * What the codes in the reports mean, in the language asked for: the page takes its labels from here instead of
 * keeping its own. Each map is code → label, in the order to show.
 *
 * @param statuses   every {@code MeetingStatus} of the contract
 * @param verdicts   every verdict of the quarterly rule ({@code QuarterlyRule.Verdict})
 * @param channels   every {@code AppealChannel}
 * @param categories the categories the events have named so far (the classifier's names)
 * @param appealStates      every {@code AppealState}
 * @param instructionStates every {@code InstructionState}
 */
public record ReportLabels(Map<String, String> statuses, Map<String, String> verdicts, Map<String, String> channels,
                           Map<String, String> categories, Map<String, String> appealStates,
                           Map<String, String> instructionStates) {
}
