package ru.outreach.reporting.query;

import java.util.Map;
import java.util.TreeMap;

/** One group's sums over the cells of a period, plus its meetings held per quarter. */
final class GroupTally {

    final String groupId;
    final Map<String, Long> sums = new TreeMap<>();
    /** quarter key {@code 2026-Q1} → meetings held. */
    final Map<String, Long> heldByQuarter = new TreeMap<>();
    long overdueNow;

    GroupTally(String groupId) {
        this.groupId = groupId;
    }

    void add(Map<String, Long> counts) {
        counts.forEach((name, n) -> sums.merge(name, n, Long::sum));
    }

    long get(String counter) {
        return sums.getOrDefault(counter, 0L);
    }
}
