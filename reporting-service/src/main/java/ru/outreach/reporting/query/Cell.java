package ru.outreach.reporting.query;

import java.util.List;
import java.util.Map;

/** A cell as read: its period, dimensions and counters. */
record Cell(String period, List<String> dims, Map<String, Long> counts) {

    long get(String counter) {
        return counts.getOrDefault(counter, 0L);
    }

    String dim(int i) {
        return dims.size() > i ? dims.get(i) : "";
    }
}
