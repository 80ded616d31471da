package ru.outreach.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.awt.font.FontRenderContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxExportTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 7, 3, 9, 30);

    @Test
    void groupsReportHasASheetPerTableWithRussianHeadersAndFigures() throws IOException {
        try (XSSFWorkbook book = open(Exports.groupsXlsx(SampleReports.groups(), AT))) {
            assertThat(sheetNames(book)).containsExactly("Встречи и протоколы", "Вопросы и поручения",
                    "Опоздания протоколов");
            Sheet meetings = book.getSheet("Встречи и протоколы");
            assertThat(meetings.getRow(0).getCell(0).getStringCellValue())
                    .startsWith("Отчёт о работе информационных групп");
            assertThat(meetings.getRow(1).getCell(0).getStringCellValue()).contains("1-е полугодие 2026 г.");
            assertThat(meetings.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Сформировано: 03.07.2026 09:30");
            assertThat(texts(meetings.getRow(4))).startsWith("Информационная группа", "Встреч запланировано",
                    "Встреч проведено", "Встреч отменено").contains("Правило, I кв. 2026", "Правило, II кв. 2026",
                    "Доля сданных в срок");

            Row north = meetings.getRow(5);
            assertThat(north.getCell(0).getStringCellValue()).isEqualTo("Группа № 1 «Северный»");
            assertThat(north.getCell(2).getNumericCellValue()).isEqualTo(3);
            assertThat(north.getCell(4).getStringCellValue()).isEqualTo("выполнено (2)");
            Row south = meetings.getRow(6);
            assertThat(south.getCell(5).getStringCellValue()).isEqualTo("не выполнено (0)");
            Row total = meetings.getRow(7);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Итого");
            assertThat(total.getCell(6).getNumericCellValue()).isEqualTo(155);
            assertThat(total.getCell(10).getNumericCellValue()).isEqualTo(0.75);
            assertThat(total.getCell(10).getCellStyle().getDataFormatString()).isEqualTo("0.0%");

            Sheet late = book.getSheet("Опоздания протоколов");
            assertThat(texts(late.getRow(4))).containsExactly("Информационная группа", "Территория", "Дата встречи",
                    "Срок сдачи", "Сдан", "Дней опоздания");
            assertThat(late.getRow(5).getCell(3).getStringCellValue()).isEqualTo("19.03.2026");
            assertThat(late.getRow(5).getCell(5).getNumericCellValue()).isEqualTo(5);
        }
    }

    @Test
    void appealsReportShowsEachFigureBesideThePreviousYear() throws IOException {
        try (XSSFWorkbook book = open(Exports.appealsXlsx(SampleReports.appeals(), AT))) {
            assertThat(sheetNames(book)).containsExactly("Итоги", "По категориям", "По территориям", "По каналам",
                    "По месяцам");
            Sheet totals = book.getSheet("Итоги");
            assertThat(texts(totals.getRow(4))).containsExactly("Показатель", "2026 г.", "2025 г.", "Изменение",
                    "Изменение, %");
            Row appeals = totals.getRow(5);
            assertThat(appeals.getCell(0).getStringCellValue()).isEqualTo("Поступило обращений");
            assertThat(appeals.getCell(1).getNumericCellValue()).isEqualTo(240);
            assertThat(appeals.getCell(2).getNumericCellValue()).isEqualTo(200);
            assertThat(appeals.getCell(3).getNumericCellValue()).isEqualTo(40);
            assertThat(appeals.getCell(4).getNumericCellValue()).isEqualTo(20);
            Row share = totals.getRow(7);
            assertThat(share.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(share.getCell(3).getNumericCellValue()).isCloseTo(-2.5, offset(1e-9));
            Row openAtEnd = totals.getRow(12);
            assertThat(openAtEnd.getCell(0).getStringCellValue()).isEqualTo("На рассмотрении на конец года");
            assertThat(openAtEnd.getCell(4).getStringCellValue()).isEmpty();

            Sheet categories = book.getSheet("По категориям");
            assertThat(categories.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Категория");
            assertThat(categories.getRow(7).getCell(0).getStringCellValue()).isEqualTo("Социальная защита");
            assertThat(categories.getRow(7).getCell(4).getNumericCellValue()).isEqualTo(100);
        }
    }

    @Test
    void emptyReportsSayThereIsNoData() throws IOException {
        try (XSSFWorkbook book = open(Exports.groupsXlsx(SampleReports.emptyGroups(), AT))) {
            assertThat(book.getSheet("Встречи и протоколы").getRow(5).getCell(0).getStringCellValue())
                    .isEqualTo("Нет данных за период");
        }
        try (XSSFWorkbook book = open(Exports.appealsXlsx(SampleReports.emptyAppeals(), AT))) {
            assertThat(book.getSheet("Итоги").getRow(5).getCell(0).getStringCellValue())
                    .isEqualTo("Нет данных за период");
        }
    }

    @Test
    void headerColumnsAreAsWideAsTheirLongestWord() throws Exception {
        java.awt.Font bold;
        try (var in = getClass().getClassLoader().getResourceAsStream("liberation/LiberationSans-Bold.ttf")) {
            bold = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in).deriveFont(11f);
        }
        FontRenderContext context = new FontRenderContext(null, true, true);
        int checked = 0;
        for (byte[] bytes : List.of(Exports.groupsXlsx(SampleReports.groups(), AT),
                Exports.appealsXlsx(SampleReports.appeals(), AT))) {
            try (XSSFWorkbook book = open(bytes)) {
                for (Sheet sheet : book) {
                    for (org.apache.poi.ss.usermodel.Cell header : sheet.getRow(4)) {
                        String title = header.getStringCellValue();
                        for (String word : title.split("\\s+")) {
                            // Arial Bold's metrics at 11 pt, in pixels at 96 dpi, and 2 px of padding on each side
                            double needed = bold.getStringBounds(word, context).getWidth() * 96 / 72 + 4;
                            double width = sheet.getColumnWidthInPixels(header.getColumnIndex());
                            assertThat(width).as("column «%s» of sheet %s, for the word «%s»", title,
                                    sheet.getSheetName(), word).isGreaterThanOrEqualTo(needed);
                            checked++;
                        }
                    }
                    assertThat(sheet.getRow(4).getCell(0).getCellStyle().getWrapText()).isTrue();
                }
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    private static XSSFWorkbook open(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private static List<String> sheetNames(XSSFWorkbook book) {
        List<String> names = new ArrayList<>();
        book.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }
}
