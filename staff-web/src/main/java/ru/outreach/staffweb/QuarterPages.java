package ru.outreach.staffweb;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.JsonNode;

/**
 * The secretary's quarter: his group's meetings on the days of the quarter's three months, with links to the
 * quarters before and after, and the state of the quarterly rule (regulation 3.1: at least one meeting a quarter) as
 * the meetings service judges it. The rule's state of the current quarter is also on «Встречи группы».
 */
@Controller
public class QuarterPages {

    private static final int MAX_MEETINGS = 100;
    private static final List<String> WEEKDAYS = List.of("понедельник", "вторник", "среда", "четверг", "пятница",
            "суббота", "воскресенье");
    private static final List<String> WEEKDAYS_SHORT = List.of("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс");

    private final Api meetings;

    QuarterPages(@Qualifier("meetingsApi") Api meetings) {
        this.meetings = meetings;
    }

    /** A calendar quarter, 1 to 4. */
    public record Quarter(int year, int number) {

        static Quarter of(LocalDate day) {
            return new Quarter(day.getYear(), day.get(IsoFields.QUARTER_OF_YEAR));
        }

        /** The quarter asked for, or the current one when the request names none or one that is not. */
        static Quarter asked(String year, String number, LocalDate today) {
            try {
                int y = Integer.parseInt(year == null ? "" : year.strip());
                int q = Integer.parseInt(number == null ? "" : number.strip());
                return y >= 2000 && y <= 2100 && q >= 1 && q <= 4 ? new Quarter(y, q) : of(today);
            } catch (NumberFormatException e) {
                return of(today);
            }
        }

        public LocalDate firstDay() {
            return LocalDate.of(year, (number - 1) * 3 + 1, 1);
        }

        public LocalDate lastDay() {
            return firstDay().plusMonths(3).minusDays(1);
        }

        public Quarter previous() {
            return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
        }

        public Quarter next() {
            return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
        }

        /** «IV квартал 2026 года». */
        public String title() {
            return Russian.quarter(year, number);
        }
    }

    /**
     * The rule's state in a quarter, said in Russian; {@code tone} is how the page marks it: {@code done} (met),
     * {@code problem} (not met, or no meeting held nor planned while the quarter runs), {@code note} (otherwise).
     */
    public record Rule(String verdict, String text, String tone) {
    }

    /** A meeting on a day of the calendar. */
    public record Entry(String id, String time, String territory, String status, boolean cancelled) {
    }

    /** A day of the month; {@code date} as ДД.ММ.ГГГГ. */
    public record Day(int number, String date, boolean today, List<Entry> meetings) {
    }

    /** A month of the quarter: its title and its weeks, Monday first; days of other months are null. */
    public record Month(String title, List<List<Day>> weeks) {
    }

    /** A line of the quarter's list. */
    public record Line(String id, String when, String territory, String status) {
    }

    @GetMapping("/meetings/calendar")
    String calendar(@RequestParam(required = false) String year, @RequestParam(required = false) String quarter,
                    Model model) {
        LocalDate today = LocalDate.now(StaffWebProperties.ZONE);
        Quarter shown = Quarter.asked(year, quarter, today);
        model.addAttribute("quarter", shown);
        model.addAttribute("current", Quarter.of(today).equals(shown));
        model.addAttribute("previous", shown.previous());
        model.addAttribute("next", shown.next());
        model.addAttribute("weekdays", WEEKDAYS);
        model.addAttribute("weekdaysShort", WEEKDAYS_SHORT);
        List<JsonNode> found = List.of();
        try {
            JsonNode group = ownGroup(meetings);
            if (group == null) {
                model.addAttribute("problem", "Ваша информационная группа не найдена в реестре групп.");
            } else {
                String groupId = group.path("id").asString("");
                model.addAttribute("groupName", group.path("details").path("name").asString(""));
                found = inQuarter(groupId, shown);
                model.addAttribute("rule", rule(meetings, groupId, shown, today));
            }
        } catch (Api.Unavailable | Api.Refusal e) {
            model.addAttribute("problem", e.getMessage());
        }
        model.addAttribute("months", months(shown, found, today));
        model.addAttribute("lines", found.stream().map(meeting -> new Line(meeting.path("id").asString(""),
                Russian.dateTime(when(meeting)), meeting.path("territory").asString(""),
                Russian.status(meeting.path("status").asString("")))).toList());
        return "calendar";
    }

    /** The group's meetings whose day falls in the quarter, by their time. */
    private List<JsonNode> inQuarter(String groupId, Quarter quarter) {
        JsonNode answer = meetings.get(uri -> uri.path("/api/meetings").queryParam("groupId", groupId)
                .queryParam("from", quarter.firstDay()).queryParam("to", quarter.lastDay())
                .queryParam("size", MAX_MEETINGS).queryParam("sort", "scheduledAt").build());
        List<JsonNode> found = new ArrayList<>(Api.items(answer));
        found.sort(java.util.Comparator.comparing(QuarterPages::when));
        return found;
    }

    /** The three months as weeks of days, each day with its meetings. */
    static List<Month> months(Quarter quarter, List<JsonNode> found, LocalDate today) {
        Map<LocalDate, List<Entry>> byDay = new LinkedHashMap<>();
        for (JsonNode meeting : found) {
            LocalDateTime at = parse(when(meeting));
            if (at == null) {
                continue;
            }
            String status = meeting.path("status").asString("");
            byDay.computeIfAbsent(at.toLocalDate(), day -> new ArrayList<>()).add(new Entry(
                    meeting.path("id").asString(""), at.format(Russian.TIME), meeting.path("territory").asString(""),
                    Russian.status(status), status.equals("CANCELLED")));
        }
        List<Month> months = new ArrayList<>();
        for (LocalDate first = quarter.firstDay(); !first.isAfter(quarter.lastDay()); first = first.plusMonths(1)) {
            List<List<Day>> weeks = new ArrayList<>();
            List<Day> week = new ArrayList<>();
            for (int blank = 1; blank < first.getDayOfWeek().getValue(); blank++) {
                week.add(null);
            }
            LocalDate end = first.plusMonths(1);
            for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
                week.add(new Day(day.getDayOfMonth(), day.format(Russian.DATE), day.equals(today),
                        byDay.getOrDefault(day, List.of())));
                if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(null);
                }
                weeks.add(week);
            }
            months.add(new Month(Russian.MONTHS.get(first.getMonthValue() - 1) + " " + first.getYear(), weeks));
        }
        return months;
    }

    /**
     * The rule's state of the group in a quarter, as the meetings service judges it
     * ({@code GET /api/quarterly-rule/groups/{groupId}?year=}), said in Russian.
     */
    static Rule rule(Api meetings, String groupId, Quarter quarter, LocalDate today) {
        JsonNode year = meetings.get(uri -> uri.path("/api/quarterly-rule/groups/{groupId}")
                .queryParam("year", quarter.year()).build(groupId));
        for (JsonNode summary : year.path("quarters")) {
            if (summary.path("quarter").asInt() == quarter.number()) {
                return rule(summary.path("rule").asString(""), summary.path("held").asLong(0),
                        summary.path("upcoming").asLong(0), quarter, today);
            }
        }
        return new Rule("", "Сведений о встречах в квартале нет.", "note");
    }

    static Rule rule(String verdict, long held, long upcoming, Quarter quarter, LocalDate today) {
        boolean current = Quarter.of(today).equals(quarter);
        String in = current ? "В этом квартале" : "В " + prepositional(quarter);
        String planned = upcoming > 0 ? "запланировано встреч: " + upcoming : null;
        return switch (verdict) {
            case "MET" -> new Rule(verdict, in + " встреча с населением проведена"
                    + (held > 1 ? " (проведено встреч: " + held + ")" : "") + ".", "done");
            case "IN_PROGRESS" -> {
                long left = ChronoUnit.DAYS.between(today, quarter.lastDay()) + 1;
                String until = "До конца квартала " + Russian.plural(left, "остался", "осталось", "осталось") + " "
                        + Russian.days(left) + " (по " + quarter.lastDay().format(Russian.DATE) + " включительно)";
                yield planned != null
                        ? new Rule(verdict, "Встреча в квартале ещё не проведена, " + planned + ". " + until + ".",
                        "note")
                        : new Rule(verdict, "Встреча в квартале ещё не проведена и не запланирована. " + until
                        + ": запланируйте встречу.", "problem");
            }
            case "NOT_MET" -> new Rule(verdict, in + " встреча с населением не проведена: требование п. 3.1"
                    + " Положения (не реже одного раза в квартал) не выполнено.", "problem");
            case "NOT_STARTED" -> new Rule(verdict, capitalized(quarter.title()) + " ещё не начался; "
                    + (planned != null ? planned : "встречи пока не запланированы") + ".", "note");
            case "NOT_FORMED" -> new Rule(verdict, "Группа сформирована после окончания квартала: требование о"
                    + " встрече в квартале к нему не применяется.", "note");
            default -> new Rule(verdict, "Сведений о встречах в квартале нет.", "note");
        };
    }

    /** «IV квартале 2026 года». */
    private static String prepositional(Quarter quarter) {
        return quarter.title().replace(" квартал ", " квартале ");
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The secretary's group: the meetings service lists only his own. */
    static JsonNode ownGroup(Api meetings) {
        List<JsonNode> groups = Api.items(meetings.get("/api/groups"));
        return groups.isEmpty() ? null : groups.getFirst();
    }

    /** When the meeting took or takes place: the time it was held, else the time it is scheduled for. */
    private static String when(JsonNode meeting) {
        String held = meeting.path("holding").path("heldAt").asString("");
        return held.isEmpty() ? meeting.path("scheduledAt").asString("") : held;
    }

    private static LocalDateTime parse(String iso) {
        try {
            return LocalDateTime.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
