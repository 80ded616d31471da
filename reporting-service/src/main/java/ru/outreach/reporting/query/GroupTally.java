package ru.outreach.reporting.query;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** One group's sums over the cells of a period, plus its meetings held per quarter and the day it was formed. */
final class GroupTally {

    /** Minutes handed over (due in the period) plus those not handed over whose due day has passed. */
    static final String MINUTES_DUE = "minutesDue";

    final String groupId;
    /** The day the group was formed, or null when unknown. */
    final LocalDate formedOn;
    final Map<String, Long> sums = new TreeMap<>();
    /** quarter key {@code 2026-Q1} → meetings held. */
    final Map<String, Long> heldByQuarter = new TreeMap<>();
    long overdueNow;

    GroupTally(String groupId) {
        this(groupId, null);
    }

    GroupTally(String groupId, LocalDate formedOn) {
        this.groupId = groupId;
        this.formedOn = formedOn;
    }

    void add(Map<String, Long> counts) {
        counts.forEach((name, n) -> sums.merge(name, n, Long::sum));
    }

    long get(String counter) {
        return sums.getOrDefault(counter, 0L);
    }
}
