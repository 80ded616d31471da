package ru.outreach.reporting.projection;

import java.util.List;
import java.util.Map;

/**
 * A cell difference stored in the fact document together with its new state (one single-document write), removed
 * once applied to the cells: a crash between the two writes is repaired by applying it again on the next touch.
 */
record PendingCell(String kind, String period, List<String> dims, Map<String, Long> counts) {
}
