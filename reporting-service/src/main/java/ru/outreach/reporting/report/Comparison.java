package ru.outreach.reporting.report;

/**
 * A figure of a year beside the previous year's.
 *
 * @param key           stable identifier (a figure name, a category code, a territory, a channel, a month 1..12)
 * @param label         Russian label to show
 * @param change        current - previous
 * @param changePercent the change relative to the previous year, in percent; null when the previous year is 0
 */
public record Comparison(String key, String label, double current, double previous, double change,
                         Double changePercent) {

    public static Comparison of(String key, String label, double current, double previous) {
        return new Comparison(key, label, current, previous, current - previous,
                previous == 0 ? null : (current - previous) * 100.0 / previous);
    }
}
