package ru.outreach.reporting.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a {@link ReportLayout} as an XLSX workbook: a sheet per section, the title, period and generation time on
 * top, a bold wrapped header row that stays in view and repeats when printed, numbers kept as numbers.
 */
final class XlsxRenderer {

    private static final int HEADER_ROW = 4;
    /** The header's font size, points: the workbook's default, in bold. */
    private static final float HEADER_SIZE = 11;
    /** A character of column width in pixels (the default font's digit), and a cell's padding and border. */
    private static final float CHAR_PIXELS = 7;
    private static final float PADDING_PIXELS = 5;
    /** A line of the wrapped header, points. */
    private static final float LINE = 15;

    private XlsxRenderer() {
    }

    static byte[] render(ReportLayout layout) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            for (ReportLayout.Section section : layout.sections()) {
                sheet(workbook, styles, layout, section);
            }
            workbook.getProperties().getCoreProperties().setTitle(layout.title() + " — " + layout.period());
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(XSSFWorkbook workbook, Styles styles, ReportLayout layout,
                              ReportLayout.Section section) {
        Table table = section.table();
        XSSFSheet sheet = workbook.createSheet(section.sheetName());
        int columns = table.headers().size();
        text(sheet.createRow(0), 0, layout.title() + ". " + table.title(), styles.title);
        text(sheet.createRow(1), 0, "Период: " + layout.period(), styles.plain);
        text(sheet.createRow(2), 0, "Сформировано: " + layout.generated(), styles.plain);
        Row header = sheet.createRow(HEADER_ROW);
        int lines = 3;
        for (int c = 0; c < columns; c++) {
            String title = table.headers().get(c);
            text(header, c, title, styles.header);
            float chars = Math.max(table.widths()[c] * 11, characters(TextWidths.longestWord(title, HEADER_SIZE)) + 1);
            sheet.setColumnWidth(c, Math.min(255 * 256, Math.round(chars * 256)));
            lines = Math.max(lines, lines(title, chars * CHAR_PIXELS - PADDING_PIXELS));
        }
        header.setHeightInPoints(lines * LINE);
        int r = HEADER_ROW + 1;
        if (table.isEmpty()) {
            text(sheet.createRow(r), 0, "Нет данных за период", styles.plain);
        }
        for (int i = 0; i < table.rows().size(); i++) {
            boolean total = i >= table.rows().size() - table.totalRows();
            Row row = sheet.createRow(r++);
            List<Cell> cells = table.rows().get(i);
            for (int c = 0; c < columns; c++) {
                value(row, c, cells.get(c), styles, total);
            }
        }
        sheet.createFreezePane(1, HEADER_ROW + 1);
        if (!table.isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, r - 1, 0, columns - 1));
        }
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    /**
     * Column width in characters for a text of the width in points: a word is never broken in the middle, the header
     * wraps only at spaces.
     */
    private static float characters(float points) {
        return (float) Math.ceil((pixels(points) + PADDING_PIXELS) / CHAR_PIXELS);
    }

    private static float pixels(float points) {
        return points * 96 / 72;
    }

    /** How many lines the header takes in a column of the width in pixels, wrapped at spaces. */
    private static int lines(String title, float width) {
        int lines = 1;
        String line = "";
        for (String word : title.split("\\s+")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && pixels(TextWidths.width(longer, HEADER_SIZE)) > width) {
                lines++;
                line = word;
            } else {
                line = longer;
            }
        }
        return lines;
    }

    private static void value(Row row, int column, Cell cell, Styles styles, boolean total) {
        org.apache.poi.ss.usermodel.Cell target = row.createCell(column);
        switch (cell) {
            case Cell.Text text -> {
                target.setCellValue(text.value());
                target.setCellStyle(total ? styles.totalText : styles.text);
            }
            case Cell.Number number -> {
                target.setCellValue(number.value());
                target.setCellStyle(styles.number(number.decimals(), total));
            }
            case Cell.Share share -> {
                target.setCellValue(share.value());
                target.setCellStyle(total ? styles.totalShare : styles.share);
            }
            case Cell.Signed signed -> {
                target.setCellValue(signed.value());
                target.setCellStyle(styles.signed(signed.decimals(), signed.unit(), total));
            }
            case Cell.Empty ignored -> target.setCellStyle(total ? styles.totalText : styles.text);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** The workbook's few styles, made once: a workbook may hold only so many. */
    private static final class Styles {

        private final XSSFWorkbook workbook;
        private final Font bold;
        final CellStyle title;
        final CellStyle plain;
        final CellStyle header;
        final CellStyle text;
        final CellStyle totalText;
        final CellStyle share;
        final CellStyle totalShare;
        private final Map<String, CellStyle> numbers = new HashMap<>();

        Styles(XSSFWorkbook workbook) {
            this.workbook = workbook;
            bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(big);
            plain = workbook.createCellStyle();
            header = bordered(true);
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = bordered(false);
            text.setWrapText(true);
            totalText = bordered(true);
            share = formatted("0.0%", false);
            totalShare = formatted("0.0%", true);
        }

        CellStyle number(int decimals, boolean total) {
            return numbers.computeIfAbsent("n" + decimals + total,
                    k -> formatted(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), total));
        }

        CellStyle signed(int decimals, String unit, boolean total) {
            String digits = decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
            String suffix = unit.isEmpty() ? "" : "\" " + unit + "\"";
            String format = "+" + digits + suffix + ";-" + digits + suffix + ";0" + suffix;
            return numbers.computeIfAbsent(format + total, k -> formatted(format, total));
        }

        private CellStyle formatted(String format, boolean total) {
            CellStyle style = bordered(total);
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        }

        private CellStyle bordered(boolean strong) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            if (strong) {
                style.setFont(bold);
            }
            return style;
        }
    }
}
