package ru.outreach.reporting.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.openpdf.text.pdf.BaseFont;

/**
 * Widths of bold text, measured in Liberation Sans Bold (the metrics of Arial Bold, wider than a spreadsheet's
 * default Calibri): a measure on the safe side for a spreadsheet's column.
 */
final class TextWidths {

    private static final BaseFont BOLD = bold();

    private TextWidths() {
    }

    /** The width in points of the text's longest word (words are parted by spaces) at the font size. */
    static float longestWord(String text, float size) {
        float longest = 0;
        for (String word : text.split("\\s+")) {
            longest = Math.max(longest, BOLD.getWidthPoint(word, size));
        }
        return longest;
    }

    /** The width in points of the text at the font size. */
    static float width(String text, float size) {
        return BOLD.getWidthPoint(text, size);
    }

    private static BaseFont bold() {
        String resource = "liberation/LiberationSans-Bold.ttf";
        try (InputStream in = TextWidths.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font not on the class path: " + resource);
            }
            return BaseFont.createFont("LiberationSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.NOT_EMBEDDED, false,
                    in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
