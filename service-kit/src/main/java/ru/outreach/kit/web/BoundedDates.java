package ru.outreach.kit.web;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.core.convert.converter.Converter;

/**
 * Query parameters that are days or moments: ISO only, and inside the span {@link StrictJson} allows. A refusal
 * becomes a 400 that names the parameter.
 */
final class BoundedDates {

    private BoundedDates() {
    }

    static final class ToDate implements Converter<String, LocalDate> {

        @Override
        public LocalDate convert(String source) {
            String text = source.trim();
            if (text.isEmpty()) {
                return null;
            }
            return checked(LocalDate.parse(text), text);
        }
    }

    static final class ToDateTime implements Converter<String, LocalDateTime> {

        @Override
        public LocalDateTime convert(String source) {
            String text = source.trim();
            if (text.isEmpty()) {
                return null;
            }
            LocalDateTime value = LocalDateTime.parse(text);
            checked(value.toLocalDate(), text);
            return value;
        }
    }

    private static LocalDate checked(LocalDate day, String text) {
        if (!StrictJson.inRange(day)) {
            throw new IllegalArgumentException("Date " + text + " is outside " + StrictJson.EARLIEST + ".."
                    + StrictJson.LATEST);
        }
        return day;
    }
}
