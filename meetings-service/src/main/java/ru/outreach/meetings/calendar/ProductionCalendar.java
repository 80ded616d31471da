package ru.outreach.meetings.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which days are worked. Years present in the data follow it exactly; for other years only weekends and the fixed
 * federal holidays are known (no transfers), and a warning says so once per year.
 */
public class ProductionCalendar {

    private static final Logger log = LoggerFactory.getLogger(ProductionCalendar.class);
    private static final String FEDERAL_DATA = "/calendar/ru-federal.txt";
    private static final List<MonthDay> FIXED_HOLIDAYS = List.of(
            MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3), MonthDay.of(1, 4), MonthDay.of(1, 5),
            MonthDay.of(1, 6), MonthDay.of(1, 7), MonthDay.of(1, 8), MonthDay.of(2, 23), MonthDay.of(3, 8),
            MonthDay.of(5, 1), MonthDay.of(5, 9), MonthDay.of(6, 12), MonthDay.of(11, 4));

    private final Set<LocalDate> daysOff = new HashSet<>();
    private final Set<LocalDate> workingWeekendDays = new HashSet<>();
    private final Set<Integer> knownYears = new HashSet<>();
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    public ProductionCalendar(List<LocalDate> extraDaysOff, List<LocalDate> extraWorkingDays) {
        loadFederalData();
        daysOff.addAll(extraDaysOff);
        workingWeekendDays.addAll(extraWorkingDays);
        daysOff.removeAll(extraWorkingDays);
    }

    /** The federal calendar alone. */
    public static ProductionCalendar federal() {
        return new ProductionCalendar(List.of(), List.of());
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workingWeekendDays.contains(day)) {
            return true;
        }
        if (isWeekend(day) || daysOff.contains(day)) {
            return false;
        }
        if (!knownYears.contains(day.getYear())) {
            warnOnce(day.getYear());
            return !FIXED_HOLIDAYS.contains(MonthDay.from(day));
        }
        return true;
    }

    /** The {@code workingDays}-th working day after {@code day} (the day itself does not count). */
    public LocalDate workingDaysAfter(LocalDate day, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
        }
        LocalDate current = day;
        int counted = 0;
        while (counted < workingDays) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }

    public boolean knowsYear(int year) {
        return knownYears.contains(year);
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private void warnOnce(int year) {
        if (warnedYears.add(year)) {
            log.warn("No production calendar data for {}: counting weekends and fixed federal holidays only", year);
        }
    }

    private void loadFederalData() {
        try (InputStream in = ProductionCalendar.class.getResourceAsStream(FEDERAL_DATA);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(this::parseLine);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FEDERAL_DATA, e);
        }
    }

    /** A line such as {@code 2026 off: 01-01 01-02}. */
    private void parseLine(String line) {
        String[] headAndDays = line.split(":", 2);
        String[] head = headAndDays[0].strip().split("\\s+");
        int year = Integer.parseInt(head[0]);
        Set<LocalDate> target = switch (head[1]) {
            case "off" -> daysOff;
            case "work" -> workingWeekendDays;
            default -> throw new IllegalStateException("Unknown kind of days in " + FEDERAL_DATA + ": " + line);
        };
        knownYears.add(year);
        for (String monthDay : headAndDays[1].strip().split("\\s+")) {
            target.add(LocalDate.parse(year + "-" + monthDay));
        }
    }
}
