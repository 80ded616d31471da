package ru.outreach.reporting.export;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers, shares and dates written the Russian way: «1 234,5», «87,5 %», «22.11.2026». */
final class Formats {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private Formats() {
    }

    static String number(double value, int decimals) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(RUSSIAN);
        symbols.setGroupingSeparator('\u00a0');
        symbols.setMinusSign('−');
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
        return format.format(value);
    }

    static String share(double value) {
        return number(value * 100, 1) + "\u00a0%";
    }

    static String signed(double value, int decimals, String unit) {
        String sign = value > 0 ? "+" : "";
        return sign + number(value, decimals) + (unit.isEmpty() ? "" : "\u00a0" + unit);
    }

    static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    static String moment(LocalDateTime moment) {
        return MOMENT.format(moment);
    }

    static String text(Cell cell) {
        return switch (cell) {
            case Cell.Text text -> text.value();
            case Cell.Number number -> number(number.value(), number.decimals());
            case Cell.Share share -> share(share.value());
            case Cell.Signed signed -> signed(signed.value(), signed.decimals(), signed.unit());
            case Cell.Empty ignored -> "—";
        };
    }
}
