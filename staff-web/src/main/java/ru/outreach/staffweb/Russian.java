package ru.outreach.staffweb;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;

/** The pages' words and dates: duties and statuses in Russian, dates as ДД.ММ.ГГГГ. */
public final class Russian {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public static final Map<String, String> DUTIES = Map.of(
            "secretary", "секретарь информационной группы",
            "general-department", "общий отдел",
            "executor", "исполнитель",
            "controller", "контрольно-организационный сектор",
            "head", "Глава Администрации",
            "administrator", "администратор системы",
            "pd-officer", "ответственный за обработку персональных данных");

    public static final Map<String, String> STATUSES = Map.of(
            "PLANNED", "Запланирована",
            "VENUE_AGREED", "Место согласовано",
            "ANNOUNCED", "Объявлена",
            "RESCHEDULED", "Перенесена",
            "CANCELLED", "Отменена",
            "HELD", "Проведена");

    public static final Map<String, String> VENUE_KINDS = new java.util.LinkedHashMap<>(Map.of());

    static {
        VENUE_KINDS.put("SCHOOL", "Школа");
        VENUE_KINDS.put("CULTURE", "Учреждение культуры");
        VENUE_KINDS.put("OTHER", "Другое");
    }

    private Russian() {
    }

    public static String duty(String code) {
        return DUTIES.getOrDefault(code, code);
    }

    public static String status(String code) {
        return STATUSES.getOrDefault(code, code);
    }

    public static String venueKind(String code) {
        return VENUE_KINDS.getOrDefault(code, code);
    }

    /** An ISO date of the API as ДД.ММ.ГГГГ; empty when missing. */
    public static String date(String iso) {
        if (iso == null || iso.isBlank() || iso.equals("null")) {
            return "";
        }
        try {
            return LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10) : iso).format(DATE);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** An ISO date and time of the API as ДД.ММ.ГГГГ ЧЧ:ММ. */
    public static String dateTime(String iso) {
        if (iso == null || iso.isBlank() || iso.equals("null")) {
            return "";
        }
        try {
            LocalDateTime at = LocalDateTime.parse(iso);
            return at.format(DATE) + " " + at.format(TIME);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** A date typed as ДД.ММ.ГГГГ, or null when it is not one. */
    public static LocalDate parseDate(String typed) {
        if (typed == null) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip(), DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A time typed as ЧЧ:ММ, or null. */
    public static LocalTime parseTime(String typed) {
        if (typed == null) {
            return null;
        }
        try {
            return LocalTime.parse(typed.strip(), TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Month names as a calendar's heading says them: «Январь». */
    public static final List<String> MONTHS = List.of("Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль",
            "Август", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь");

    /** «5 дней», «1 день», «2 дня»: a count of days with the word in the right form. */
    public static String days(long count) {
        return count + " " + plural(count, "день", "дня", "дней");
    }

    /** The word for a count: one (1, 21), few (2–4, 22–24), many (0, 5–20, 25…). */
    public static String plural(long count, String one, String few, String many) {
        long n = Math.abs(count) % 100;
        if (n >= 11 && n <= 14) {
            return many;
        }
        return switch ((int) (n % 10)) {
            case 1 -> one;
            case 2, 3, 4 -> few;
            default -> many;
        };
    }

    /** «IV квартал 2026 года». */
    public static String quarter(int year, int quarter) {
        return List.of("I", "II", "III", "IV").get(quarter - 1) + " квартал " + year + " года";
    }

    public static String today() {
        return LocalDate.now(StaffWebProperties.ZONE).format(DATE);
    }
}
