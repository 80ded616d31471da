package ru.outreach.staffweb;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.JsonNode;

/**
 * A meeting's page for the secretary: its details and status, and the next steps its status allows as small forms
 * (agree the venue, announce, hold, reschedule, cancel), each dated, today by default. A refused step comes back with
 * the service's message next to the field it names and what was typed kept.
 */
@Controller
public class MeetingStepPages {

    static final String DATE_FORMAT = "Введите дату в виде ДД.ММ.ГГГГ, например 25.12.2026.";
    static final String TIME_FORMAT = "Введите время в виде ЧЧ:ММ, например 18:00.";

    /** How the population may be informed: the API's codes and their names. */
    public static final Map<String, String> CHANNELS = new LinkedHashMap<>();

    static {
        CHANNELS.put("OFFICIAL_SITE", "Официальный сайт");
        CHANNELS.put("MEDIA", "Средства массовой информации");
        CHANNELS.put("NOTICE_BOARD", "Доска объявлений");
        CHANNELS.put("SOCIAL_NETWORK", "Социальные сети");
        CHANNELS.put("OTHER", "Другое");
    }

    /** The steps each status allows, as the meetings service allows them. */
    private static final Map<String, List<String>> STEPS = Map.of(
            "PLANNED", List.of("venue-agreement", "announcement", "rescheduling", "cancellation"),
            "VENUE_AGREED", List.of("announcement", "rescheduling", "cancellation"),
            "RESCHEDULED", List.of("venue-agreement", "announcement", "rescheduling", "cancellation"),
            "ANNOUNCED", List.of("holding", "rescheduling", "cancellation"));

    /** The statuses of a meeting still ahead: the territory brief is prepared for them. */
    private static final List<String> UPCOMING = List.of("PLANNED", "VENUE_AGREED", "ANNOUNCED", "RESCHEDULED");

    /** The API's field names of each step and the form's. */
    private static final Map<String, Map<String, String>> FIELDS = Map.of(
            "venue-agreement", Map.of("agreedOn", "agreedOn", "agreedWith", "agreedWith"),
            "announcement", Map.of("announcedOn", "announcedOn", "channels", "channels", "details", "details"),
            "holding", Map.of("heldAt", "heldDate", "residentsAttended", "residentsAttended",
                    "officialsPresent", "officialsPresent"),
            "rescheduling", Map.of("scheduledAt", "newDate", "reason", "rescheduleReason",
                    "rescheduledOn", "rescheduledOn"),
            "cancellation", Map.of("reason", "cancelReason", "cancelledOn", "cancelledOn"));

    private static final Map<String, String> DONE = Map.of(
            "venue-agreement", "Место проведения согласовано.",
            "announcement", "Встреча объявлена.",
            "holding", "Встреча отмечена проведённой. Заполните протокол.",
            "rescheduling", "Встреча перенесена.",
            "cancellation", "Встреча отменена.");

    private final Api meetings;

    MeetingStepPages(@Qualifier("meetingsApi") Api meetings) {
        this.meetings = meetings;
    }

    @GetMapping("/meetings/{id}")
    String meeting(@PathVariable String id, Model model) {
        return page(id, new LinkedHashMap<>(), new LinkedHashMap<>(), List.of(), model);
    }

    @PostMapping("/meetings/{id}/venue-agreement")
    String agreeVenue(@PathVariable String id, @RequestParam Map<String, String> typed, Model model,
                      RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = date(typed, "agreedOn", errors);
        if (!errors.isEmpty()) {
            return page(id, typed, errors, List.of(), model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agreedOn", day.toString());
        body.put("agreedWith", blankToNull(typed.get("agreedWith")));
        return step(id, "venue-agreement", body, typed, List.of(), model, redirect);
    }

    @PostMapping("/meetings/{id}/announcement")
    String announce(@PathVariable String id, @RequestParam Map<String, String> typed,
                    @RequestParam(name = "channels", required = false) List<String> channels, Model model,
                    RedirectAttributes redirect) {
        List<String> chosen = channels == null ? List.of() : channels;
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = date(typed, "announcedOn", errors);
        if (chosen.isEmpty()) {
            errors.put("channels", "Отметьте хотя бы один способ оповещения.");
        }
        if (!errors.isEmpty()) {
            return page(id, typed, errors, chosen, model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("announcedOn", day.toString());
        body.put("channels", chosen);
        body.put("details", blankToNull(typed.get("details")));
        return step(id, "announcement", body, typed, chosen, model, redirect);
    }

    @PostMapping("/meetings/{id}/holding")
    String hold(@PathVariable String id, @RequestParam Map<String, String> typed, Model model,
                RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = date(typed, "heldDate", errors);
        LocalTime time = time(typed, "heldTime", errors);
        Integer residents = null;
        try {
            residents = Integer.valueOf(typed.getOrDefault("residentsAttended", "").strip());
            if (residents < 0) {
                errors.put("residentsAttended", "Введите число жителей: 0 или больше.");
            }
        } catch (NumberFormatException e) {
            errors.put("residentsAttended", "Введите число жителей цифрами, например 46.");
        }
        if (!errors.isEmpty()) {
            return page(id, typed, errors, List.of(), model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("heldAt", day.atTime(time).toString());
        body.put("residentsAttended", residents);
        body.put("officialsPresent", lines(typed.get("officialsPresent")));
        return step(id, "holding", body, typed, List.of(), model, redirect);
    }

    @PostMapping("/meetings/{id}/rescheduling")
    String reschedule(@PathVariable String id, @RequestParam Map<String, String> typed, Model model,
                      RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate newDay = date(typed, "newDate", errors);
        LocalTime newTime = time(typed, "newTime", errors);
        LocalDate decided = date(typed, "rescheduledOn", errors);
        if (blankToNull(typed.get("rescheduleReason")) == null) {
            errors.put("rescheduleReason", "Укажите причину переноса.");
        }
        if (!errors.isEmpty()) {
            return page(id, typed, errors, List.of(), model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scheduledAt", newDay.atTime(newTime).toString());
        body.put("reason", typed.get("rescheduleReason").strip());
        body.put("rescheduledOn", decided.toString());
        return step(id, "rescheduling", body, typed, List.of(), model, redirect);
    }

    @PostMapping("/meetings/{id}/cancellation")
    String cancel(@PathVariable String id, @RequestParam Map<String, String> typed, Model model,
                  RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = date(typed, "cancelledOn", errors);
        if (blankToNull(typed.get("cancelReason")) == null) {
            errors.put("cancelReason", "Укажите причину отмены.");
        }
        if (!errors.isEmpty()) {
            return page(id, typed, errors, List.of(), model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", typed.get("cancelReason").strip());
        body.put("cancelledOn", day.toString());
        return step(id, "cancellation", body, typed, List.of(), model, redirect);
    }

    private String step(String id, String step, Map<String, Object> body, Map<String, String> typed,
                        List<String> channels, Model model, RedirectAttributes redirect) {
        try {
            meetings.post(body, "/api/meetings/{id}/" + step, id);
        } catch (Api.Refusal refusal) {
            Map<String, String> errors = new LinkedHashMap<>();
            Map<String, String> names = FIELDS.get(step);
            refusal.fields().forEach((field, message) -> errors.merge(
                    names.getOrDefault(field, step), message, (a, b) -> a + " " + b));
            if (refusal.fields().isEmpty()) {
                errors.put(step, refusal.getMessage());
            }
            return page(id, typed, errors, channels, model);
        } catch (Api.Unavailable e) {
            model.addAttribute("problem", e.getMessage());
            return page(id, typed, new LinkedHashMap<>(), channels, model);
        }
        redirect.addFlashAttribute("done", DONE.get(step));
        return "redirect:/meetings/" + id;
    }

    private String page(String id, Map<String, String> typed, Map<String, String> errors, List<String> channels,
                        Model model) {
        JsonNode meeting;
        try {
            meeting = meetings.get("/api/meetings/{id}", id);
        } catch (Api.Unavailable | Api.Refusal e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("meeting", null);
            return "meeting";
        }
        String status = meeting.path("status").asString("");
        String today = Russian.today();
        Map<String, String> values = new LinkedHashMap<>();
        for (String dated : List.of("agreedOn", "announcedOn", "heldDate", "rescheduledOn", "cancelledOn")) {
            values.put(dated, today);
        }
        String scheduledAt = meeting.path("scheduledAt").asString("");
        String scheduledTime = scheduledAt.length() >= 16 ? scheduledAt.substring(11, 16) : "18:00";
        values.put("heldTime", scheduledTime);
        values.put("newTime", scheduledTime);
        values.putAll(typed);
        values.remove("_csrf");

        model.addAttribute("meeting", details(meeting));
        model.addAttribute("meetingId", id);
        model.addAttribute("status", Russian.status(status));
        model.addAttribute("steps", STEPS.getOrDefault(status, List.of()));
        model.addAttribute("held", "HELD".equals(status));
        model.addAttribute("upcoming", UPCOMING.contains(status));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("chosenChannels", channels);
        return "meeting";
    }

    /** What the page says about the meeting, line by line: a label and a value. */
    private static Map<String, String> details(JsonNode meeting) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("Дата и время", Russian.dateTime(meeting.path("scheduledAt").asString("")));
        lines.put("Территория", meeting.path("territory").asString(""));
        JsonNode venue = meeting.path("venue");
        String address = venue.path("address").isString() ? ", " + venue.path("address").asString() : "";
        lines.put("Место", venue.path("name").asString("") + address + " ("
                + Russian.venueKind(venue.path("kind").asString("")) + ")");
        lines.put("Состояние", Russian.status(meeting.path("status").asString("")));
        JsonNode agreement = meeting.path("venueAgreement");
        if (agreement.isObject()) {
            String with = agreement.path("agreedWith").isString() ? ", с кем: " + agreement.path("agreedWith")
                    .asString() : "";
            lines.put("Место согласовано", Russian.date(agreement.path("agreedOn").asString("")) + with);
        }
        JsonNode announcement = meeting.path("announcement");
        if (announcement.isObject()) {
            List<String> ways = new ArrayList<>();
            announcement.path("channels").forEach(c -> ways.add(CHANNELS.getOrDefault(c.asString(), c.asString())));
            lines.put("Объявлена", Russian.date(announcement.path("announcedOn").asString("")) + ": "
                    + String.join(", ", ways));
        }
        JsonNode cancellation = meeting.path("cancellation");
        if (cancellation.isObject()) {
            lines.put("Отменена", Russian.date(cancellation.path("cancelledOn").asString("")) + ", причина: "
                    + cancellation.path("reason").asString(""));
        }
        for (JsonNode moved : meeting.path("reschedules")) {
            lines.merge("Переносы", "с " + Russian.dateTime(moved.path("previousScheduledAt").asString(""))
                    + " на " + Russian.dateTime(moved.path("scheduledAt").asString("")) + " (решение от "
                    + Russian.date(moved.path("rescheduledOn").asString("")) + "), причина: "
                    + moved.path("reason").asString(""), (a, b) -> a + "; " + b);
        }
        JsonNode holding = meeting.path("holding");
        if (holding.isObject()) {
            List<String> officials = new ArrayList<>();
            holding.path("officialsPresent").forEach(o -> officials.add(o.asString()));
            lines.put("Проведена", Russian.dateTime(holding.path("heldAt").asString("")) + ", жителей: "
                    + holding.path("residentsAttended").asInt() + (officials.isEmpty() ? ""
                    : ", присутствовали: " + String.join(", ", officials)));
        }
        if (meeting.path("minutesDueOn").isString()) {
            lines.put("Протокол оформить до", Russian.date(meeting.path("minutesDueOn").asString()));
        }
        return lines;
    }

    private static LocalDate date(Map<String, String> typed, String field, Map<String, String> errors) {
        LocalDate day = Russian.parseDate(typed.get(field));
        if (day == null) {
            errors.put(field, DATE_FORMAT);
        }
        return day;
    }

    private static LocalTime time(Map<String, String> typed, String field, Map<String, String> errors) {
        LocalTime time = Russian.parseTime(typed.get(field));
        if (time == null) {
            errors.put(field, TIME_FORMAT);
        }
        return time;
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
