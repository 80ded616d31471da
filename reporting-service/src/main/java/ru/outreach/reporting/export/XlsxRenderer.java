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
        header.setHeightInPoints(45);
        for (int c = 0; c < columns; c++) {
            text(header, c, table.headers().get(c), styles.header);
            sheet.setColumnWidth(c, Math.min(255 * 256, Math.round(table.widths()[c] * 11 * 256)));
        }
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
