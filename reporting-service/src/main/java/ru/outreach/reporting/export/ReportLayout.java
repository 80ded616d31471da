package ru.outreach.reporting.export;

import java.util.List;

/**
 * A whole exported report, independent of the file format: a title, the period, the generation time and its
 * sections. In XLSX each section is a sheet; in PDF the sections follow one another.
 */
record ReportLayout(String title, String period, String generated, List<Section> sections) {

    ReportLayout {
        sections = List.copyOf(sections);
    }

    /** @param sheetName at most 31 characters, as Excel allows */
    record Section(String sheetName, Table table) {
    }
}
