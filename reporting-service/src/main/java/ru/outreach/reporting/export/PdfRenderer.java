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
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
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
    /** Body rows that must fit under a heading, or the heading starts a new page with its table. */
    private static final int ROWS_UNDER_HEADING = 3;
    /** Some air, against rounding. */
    private static final float AIR = 2;

    private PdfRenderer() {
    }

    static byte[] render(ReportLayout layout) {
        Fonts fonts = new Fonts();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), MARGIN, MARGIN, MARGIN, 36);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(layout.title() + " — " + layout.period());
        document.addCreator("reporting-service");
        String footer = layout.title() + ", " + layout.period() + " — стр. ";
        // the footer is drawn in the bottom margin, so that the text's area is the page less its margins, exactly
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter pages, Document page) {
                ColumnText.showTextAligned(pages.getDirectContent(), Element.ALIGN_RIGHT,
                        new Phrase(footer + pages.getPageNumber(), fonts.small), page.right(), page.bottom() - 16, 0);
            }
        });
        document.open();
        document.add(new Paragraph(layout.title(), fonts.title));
        document.add(new Paragraph("Период: " + layout.period(), fonts.subtitle));
        document.add(new Paragraph("Сформировано: " + layout.generated(), fonts.small));
        for (ReportLayout.Section section : layout.sections()) {
            PdfPTable heading = heading(section.table().title(), fonts);
            float needed = heading.spacingBefore() + start(heading, 1);
            Element body;
            if (section.table().isEmpty()) {
                Paragraph none = new Paragraph("Нет данных за период", fonts.body);
                // a paragraph's line wants room for the line after it too
                needed += 2 * none.getTotalLeading();
                body = none;
            } else {
                PdfPTable table = table(section.table(), fonts);
                needed += start(table, table.getHeaderRows() + ROWS_UNDER_HEADING);
                body = table;
            }
            // a heading never stays alone at the foot of a page: it goes over with the start of its table
            if (writer.getVerticalPosition(true) - document.bottom() - AIR < needed) {
                document.newPage();
            }
            document.add(heading);
            document.add(body);
        }
        document.close();
        return out.toByteArray();
    }

    /**
     * A section's heading, set as a borderless table of one cell: a table is placed where it is measured to fit,
     * unlike a paragraph, whose line asks for room for a line after it.
     */
    private static PdfPTable heading(String title, Fonts fonts) {
        PdfPCell cell = new PdfPCell(new Phrase(title, fonts.heading));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        cell.setPaddingBottom(6);
        cell.setLeading(0, 1.3f);
        PdfPTable heading = new PdfPTable(1);
        heading.setWidthPercentage(100);
        heading.setSpacingBefore(12);
        heading.addCell(cell);
        return heading;
    }

    /** The height of the table's first rows: for a table, its header row and first body rows. */
    private static float start(PdfPTable table, int count) {
        table.setTotalWidth(USABLE_WIDTH);
        table.calculateHeights(true);
        float height = 0;
        int rows = Math.min(table.size(), count);
        for (int i = 0; i < rows; i++) {
            height += table.getRowHeight(i);
        }
        return height;
    }

    /**
     * The table with its header row repeated on each page. A row is not split at a page's foot but goes over whole;
     * the total rows and the body row before them are one row of the table (a table of the same columns inside),
     * so that «Итого» never starts a page alone.
     */
    private static PdfPTable table(Table table, Fonts fonts) {
        float[] widths = widths(table, fonts);
        PdfPTable pdf = new PdfPTable(widths);
        pdf.setWidthPercentage(100);
        pdf.setHeaderRows(1);
        pdf.setSplitLate(true);
        for (String header : table.headers()) {
            PdfPCell cell = new PdfPCell(new Phrase(header, fonts.header));
            cell.setBackgroundColor(HEADER_FILL);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            cell.setPadding(PADDING);
            pdf.addCell(cell);
        }
        List<List<Cell>> rows = table.rows();
        int firstTotal = rows.size() - table.totalRows();
        int keptFrom = table.totalRows() > 0 && firstTotal > 0 ? firstTotal - 1 : rows.size();
        for (int i = 0; i < keptFrom; i++) {
            addRow(pdf, rows.get(i), false, fonts);
        }
        if (keptFrom < rows.size()) {
            PdfPTable kept = new PdfPTable(widths);
            kept.setWidthPercentage(100);
            for (int i = keptFrom; i < rows.size(); i++) {
                addRow(kept, rows.get(i), i >= firstTotal, fonts);
            }
            PdfPCell together = new PdfPCell(kept);
            together.setColspan(widths.length);
            together.setPadding(0);
            together.setBorder(Rectangle.NO_BORDER);
            pdf.addCell(together);
        }
        return pdf;
    }

    private static void addRow(PdfPTable pdf, List<Cell> row, boolean total, Fonts fonts) {
        for (Cell value : row) {
            PdfPCell cell = new PdfPCell(new Phrase(Formats.text(value), total ? fonts.header : fonts.body));
            cell.setHorizontalAlignment(value instanceof Cell.Text ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            cell.setPadding(PADDING);
            if (total) {
                cell.setBackgroundColor(TOTAL_FILL);
            }
            pdf.addCell(cell);
        }
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
