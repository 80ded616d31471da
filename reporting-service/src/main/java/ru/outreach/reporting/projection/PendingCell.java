package ru.outreach.reporting.projection;

import java.util.List;
import java.util.Map;

/**
 * A cell difference stored in the fact document together with its new state (one single-document write), removed
 * once applied to the cells. The operation id names the write that left it: a cell records the ids applied to it
 * until the difference is removed, so a difference found again after a crash is applied to a cell only if that cell
 * has not got it yet.
 *
 * @param op the operation id; null in documents written before there were ids (then applied at least once)
 */
record PendingCell(String kind, String period, List<String> dims, Map<String, Long> counts, String op) {
}
