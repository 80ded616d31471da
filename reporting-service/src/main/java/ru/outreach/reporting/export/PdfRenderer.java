package ru.outreach.reporting.export;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.HeaderFooter;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Writes a {@link ReportLayout} as an A4 landscape PDF: title, period and generation time, then a table per section
 * whose header row repeats on every page. The text is set in Liberation Sans, embedded, so Cyrillic shows on any
 * machine; the font comes from the {@code openpdf-fonts-extra} artifact (SIL Open Font License).
 */
final class PdfRenderer {

    private static final byte[] REGULAR = font("liberation/LiberationSans-Regular.ttf");
    private static final byte[] BOLD = font("liberation/LiberationSans-Bold.ttf");
    private static final float MARGIN = 28;
    private static final float USABLE_WIDTH = PageSize.A4.getHeight() - 2 * MARGIN;
    private static final float PADDING = 3;
    private static final Color HEADER_FILL = new Color(0xE6, 0xEB, 0xF2);
    private static final Color TOTAL_FILL = new Color(0xF4, 0xF4, 0xF4);

    private PdfRenderer() {
    }

    static byte[] render(ReportLayout layout) {
        Fonts fonts = new Fonts();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), MARGIN, MARGIN, MARGIN, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle(layout.title() + " — " + layout.period());
        document.addCreator("reporting-service");
        HeaderFooter footer = new HeaderFooter(new Phrase(layout.title() + ", " + layout.period() + " — стр. ",
                fonts.small), true);
        footer.setAlignment(Element.ALIGN_RIGHT);
        footer.setBorder(Rectangle.NO_BORDER);
        document.setFooter(footer);
        document.open();
        document.add(new Paragraph(layout.title(), fonts.title));
        document.add(new Paragraph("Период: " + layout.period(), fonts.subtitle));
        document.add(new Paragraph("Сформировано: " + layout.generated(), fonts.small));
        for (ReportLayout.Section section : layout.sections()) {
            Paragraph heading = new Paragraph(section.table().title(), fonts.heading);
            heading.setSpacingBefore(12);
            heading.setSpacingAfter(6);
            document.add(heading);
            if (section.table().isEmpty()) {
                document.add(new Paragraph("Нет данных за период", fonts.body));
            } else {
                document.add(table(section.table(), fonts));
            }
        }
        document.close();
        return out.toByteArray();
    }

    private static PdfPTable table(Table table, Fonts fonts) {
        PdfPTable pdf = new PdfPTable(widths(table, fonts));
        pdf.setWidthPercentage(100);
        pdf.setHeaderRows(1);
        pdf.setSplitLate(false);
        for (String header : table.headers()) {
            PdfPCell cell = new PdfPCell(new Phrase(header, fonts.header));
            cell.setBackgroundColor(HEADER_FILL);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            cell.setPadding(PADDING);
            pdf.addCell(cell);
        }
        List<List<Cell>> rows = table.rows();
        for (int i = 0; i < rows.size(); i++) {
            boolean total = i >= rows.size() - table.totalRows();
            for (Cell value : rows.get(i)) {
                PdfPCell cell = new PdfPCell(new Phrase(Formats.text(value), total ? fonts.header : fonts.body));
                cell.setHorizontalAlignment(value instanceof Cell.Text ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
                cell.setPadding(PADDING);
                if (total) {
                    cell.setBackgroundColor(TOTAL_FILL);
                }
                pdf.addCell(cell);
            }
        }
        return pdf;
    }

    /**
     * The table's relative widths, widened where a column's longest word would not fit, so that a word is never
     * broken in the middle; the table then keeps to the page width.
     */
    private static float[] widths(Table table, Fonts fonts) {
        float[] relative = table.widths();
        float sum = 0;
        for (float width : relative) {
            sum += width;
        }
        float unit = USABLE_WIDTH / sum;
        float[] widths = new float[relative.length];
        for (int c = 0; c < relative.length; c++) {
            float longest = longestWord(table.headers().get(c), fonts.header);
            for (List<Cell> row : table.rows()) {
                Cell cell = row.get(c);
                if (!(cell instanceof Cell.Text)) {
                    longest = Math.max(longest, longestWord(Formats.text(cell), fonts.header));
                }
            }
            widths[c] = Math.max(relative[c] * unit, longest + 2 * PADDING + 2);
        }
        return widths;
    }

    private static float longestWord(String text, Font font) {
        float longest = 0;
        for (String word : text.split("[\\s]+")) {
            longest = Math.max(longest, font.getBaseFont().getWidthPoint(word, font.getSize()));
        }
        return longest;
    }

    private static byte[] font(String resource) {
        try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font not on the class path: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fonts of one document: Liberation Sans, embedded with the glyphs used. */
    private static final class Fonts {

        final Font title;
        final Font subtitle;
        final Font heading;
        final Font header;
        final Font body;
        final Font small;

        Fonts() {
            BaseFont regular = base("LiberationSans-Regular.ttf", REGULAR);
            BaseFont bold = base("LiberationSans-Bold.ttf", BOLD);
            title = new Font(bold, 16);
            subtitle = new Font(regular, 12);
            heading = new Font(bold, 12);
            header = new Font(bold, 7.5f);
            body = new Font(regular, 8);
            small = new Font(regular, 8, Font.NORMAL, Color.DARK_GRAY);
        }

        private static BaseFont base(String name, byte[] bytes) {
            try {
                return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
