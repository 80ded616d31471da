package ru.outreach.reporting.report;

import java.util.List;

/** Drill-down from a category of report 2 to the territories its appeals came from. */
public record CategoryTerritories(int year, String category, String categoryLabel, List<Comparison> byTerritory) {
}
