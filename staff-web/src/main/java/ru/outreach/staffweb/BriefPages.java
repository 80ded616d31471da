package ru.outreach.staffweb;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import tools.jackson.databind.JsonNode;

/**
 * «Сведения о проблемах территории» before a meeting (regulation 3.6.1): the open appeals of the meeting's territory by
 * category, its open and overdue instructions and the most overdue ones, as the meetings service gives them from the
 * appeals service ({@code GET /api/meetings/{id}/brief}); the page says plainly when they are the last ones known
 * (the appeals service does not answer) or when there are none.
 */
@Controller
public class BriefPages {

    /** Where an instruction comes from. */
    static final Map<String, String> SOURCES = Map.of(
            "MEETING", "встреча с населением",
            "APPEAL", "обращение",
            "OTHER", "поручение Главы или контрольного сектора");

    private final Api meetings;

    BriefPages(@Qualifier("meetingsApi") Api meetings) {
        this.meetings = meetings;
    }

    /** A category of the territory's open appeals. */
    public record Category(String name, long count) {
    }

    /** One of the most overdue instructions. */
    public record Overdue(String id, String text, String department, String dueOn, long daysOverdue, String source) {
    }

    @GetMapping("/meetings/{id}/brief")
    String brief(@PathVariable String id, Model model) {
        model.addAttribute("meetingId", id);
        try {
            JsonNode meeting = meetings.get("/api/meetings/{id}", id);
            model.addAttribute("when", Russian.dateTime(meeting.path("scheduledAt").asString("")));
            model.addAttribute("status", Russian.status(meeting.path("status").asString("")));
        } catch (Api.Unavailable | Api.Refusal e) {
            model.addAttribute("problem", e.getMessage());
            return "brief";
        }
        JsonNode brief;
        try {
            brief = meetings.get("/api/meetings/{id}/brief", id);
        } catch (Api.Unavailable | Api.Refusal e) {
            model.addAttribute("problem", e.getMessage());
            return "brief";
        }
        String freshness = brief.path("freshness").asString("");
        String asOf = local(brief.path("asOf").asString(""));
        model.addAttribute("territory", brief.path("territory").asString(""));
        model.addAttribute("freshness", freshness);
        model.addAttribute("asOf", asOf);
        JsonNode problems = brief.path("openProblems");
        if (!problems.isObject()) {
            model.addAttribute("unavailable", "Служба обращений не отвечает, и сведений о проблемах этой территории"
                    + " ещё не получали. Повторите попытку позже.");
            return "brief";
        }
        if (freshness.equals("STALE")) {
            model.addAttribute("stale", "Служба обращений сейчас не отвечает. Показаны последние полученные сведения"
                    + (asOf.isEmpty() ? "" : " (на " + asOf + ")") + ": они могут быть устаревшими.");
        }
        List<Category> categories = new ArrayList<>();
        problems.path("openAppealsByCategory").forEach(c -> categories.add(new Category(
                c.path("name").asString(c.path("category").asString("")), c.path("count").asLong(0))));
        List<Overdue> overdue = new ArrayList<>();
        problems.path("mostOverdue").forEach(i -> overdue.add(new Overdue(i.path("id").asString(""),
                i.path("text").asString(""), i.path("executorDepartment").asString(""),
                Russian.date(i.path("dueOn").asString("")), i.path("daysOverdue").asLong(0),
                SOURCES.getOrDefault(i.path("source").asString(""), i.path("source").asString("")))));
        model.addAttribute("openAppeals", problems.path("openAppeals").asLong(0));
        model.addAttribute("categories", categories);
        model.addAttribute("openInstructions", problems.path("openInstructions").asLong(0));
        model.addAttribute("overdueInstructions", problems.path("overdueInstructions").asLong(0));
        model.addAttribute("mostOverdue", overdue);
        return "brief";
    }

    /** An instant of the API as ДД.ММ.ГГГГ ЧЧ:ММ in the city's time; empty when missing. */
    private static String local(String instant) {
        try {
            LocalDateTime at = LocalDateTime.ofInstant(Instant.parse(instant), StaffWebProperties.ZONE);
            return at.format(Russian.DATE) + " " + at.format(Russian.TIME);
        } catch (DateTimeParseException e) {
            return "";
        }
    }
}
