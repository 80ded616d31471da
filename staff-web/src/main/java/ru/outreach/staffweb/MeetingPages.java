package ru.outreach.staffweb;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.JsonNode;

/** The secretary's pages: his group's meetings and the plan of a new one. */
@Controller
public class MeetingPages {

    private static final int PAGE_SIZE = 20;
    private final Api meetings;

    MeetingPages(@Qualifier("meetingsApi") Api meetings) {
        this.meetings = meetings;
    }

    /** A line of the list. */
    public record MeetingLine(String id, String when, String territory, String venue, String status) {
    }

    /** The planning form as typed: dates as ДД.ММ.ГГГГ, time as ЧЧ:ММ. */
    public static class PlanForm {
        private String territory;
        private String venueName;
        private String venueKind = "SCHOOL";
        private String venueAddress;
        private String date;
        private String time = "18:00";
        private String idempotencyKey = Api.newIdempotencyKey();

        public String getIdempotencyKey() { return idempotencyKey; }
        public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }

        public String getTerritory() { return territory; }
        public void setTerritory(String territory) { this.territory = territory; }
        public String getVenueName() { return venueName; }
        public void setVenueName(String venueName) { this.venueName = venueName; }
        public String getVenueKind() { return venueKind; }
        public void setVenueKind(String venueKind) { this.venueKind = venueKind; }
        public String getVenueAddress() { return venueAddress; }
        public void setVenueAddress(String venueAddress) { this.venueAddress = venueAddress; }
        public String getDate() { return date; }
        public void setDate(String date) { this.date = date; }
        public String getTime() { return time; }
        public void setTime(String time) { this.time = time; }
    }

    /** The API's field names and the form's. */
    private static final Map<String, String> FIELDS = Map.of(
            "territory", "territory",
            "venue.name", "venueName",
            "venue.kind", "venueKind",
            "venue.address", "venueAddress",
            "venue", "venueName",
            "scheduledAt", "date");

    @GetMapping("/meetings")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(page, 0);
        try {
            JsonNode answer = meetings.get(uri -> uri.path("/api/meetings").queryParam("page", current)
                    .queryParam("size", PAGE_SIZE).queryParam("sort", "scheduledAt,desc").build());
            List<MeetingLine> lines = Api.items(answer).stream().map(meeting -> new MeetingLine(
                    meeting.path("id").asString(""),
                    Russian.dateTime(meeting.path("scheduledAt").asString("")),
                    meeting.path("territory").asString(""),
                    venue(meeting.path("venue")),
                    Russian.status(meeting.path("status").asString("")))).toList();
            model.addAttribute("meetings", lines);
            model.addAttribute("page", current);
            model.addAttribute("totalPages", answer.path("totalPages").asInt(1));
            model.addAttribute("totalItems", answer.path("totalItems").asLong(lines.size()));
        } catch (Api.Unavailable | Api.Refusal e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("meetings", List.of());
            return "meetings";
        }
        LocalDate today = LocalDate.now(StaffWebProperties.ZONE);
        QuarterPages.Quarter quarter = QuarterPages.Quarter.of(today);
        model.addAttribute("quarter", quarter);
        try {
            JsonNode group = ownGroup();
            if (group != null) {
                model.addAttribute("rule", QuarterPages.rule(meetings, group.path("id").asString(""), quarter, today));
            }
        } catch (Api.Unavailable | Api.Refusal e) {
            model.addAttribute("ruleProblem", "Не удалось узнать, проведена ли встреча в этом квартале: "
                    + e.getMessage());
        }
        return "meetings";
    }

    @GetMapping("/meetings/new")
    String form(Model model) {
        model.addAttribute("form", new PlanForm());
        return planPage(model, Map.of());
    }

    @PostMapping("/meetings")
    String plan(@ModelAttribute("form") PlanForm form, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = Russian.parseDate(form.getDate());
        LocalTime time = Russian.parseTime(form.getTime());
        if (day == null) {
            errors.put("date", "Введите дату в виде ДД.ММ.ГГГГ, например 25.12.2026.");
        }
        if (time == null) {
            errors.put("time", "Введите время в виде ЧЧ:ММ, например 18:00.");
        }
        if (!errors.isEmpty()) {
            return planPage(model, errors);
        }
        JsonNode group;
        try {
            group = ownGroup();
        } catch (Api.Unavailable | Api.Refusal e) {
            model.addAttribute("problem", e.getMessage());
            return planPage(model, errors);
        }
        if (group == null) {
            model.addAttribute("problem", "Ваша информационная группа не найдена в реестре групп.");
            return planPage(model, errors);
        }
        Map<String, Object> venue = new LinkedHashMap<>();
        venue.put("name", blankToNull(form.getVenueName()));
        venue.put("kind", blankToNull(form.getVenueKind()));
        venue.put("address", blankToNull(form.getVenueAddress()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("groupId", group.path("id").asString());
        body.put("territory", blankToNull(form.getTerritory()));
        body.put("venue", venue);
        body.put("scheduledAt", day.atTime(time).toString());
        try {
            form.setIdempotencyKey(Api.idempotencyKey(form.getIdempotencyKey()));
            meetings.create(form.getIdempotencyKey(), body, "/api/meetings");
        } catch (Api.Refusal refusal) {
            Map<String, String> general = new LinkedHashMap<>();
            refusal.fields().forEach((field, message) -> {
                String formField = FIELDS.get(field);
                if (formField != null) {
                    errors.merge(formField, message, (a, b) -> a + " " + b);
                } else {
                    general.put(field, message);
                }
            });
            model.addAttribute("problem", refusal.getMessage());
            model.addAttribute("otherErrors", general.values());
            return planPage(model, errors);
        } catch (Api.Unavailable e) {
            model.addAttribute("problem", e.getMessage());
            return planPage(model, errors);
        }
        redirect.addFlashAttribute("done", "Встреча запланирована: " + day.format(Russian.DATE) + " "
                + time.format(Russian.TIME) + ", " + form.getTerritory() + ".");
        return "redirect:/meetings";
    }

    private String planPage(Model model, Map<String, String> errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("venueKinds", Russian.VENUE_KINDS);
        if (!model.containsAttribute("territories")) {
            try {
                JsonNode group = ownGroup();
                List<String> territories = new java.util.ArrayList<>();
                if (group != null) {
                    group.path("details").path("territories").forEach(t -> territories.add(t.asString()));
                    model.addAttribute("groupName", group.path("details").path("name").asString(""));
                }
                model.addAttribute("territories", territories);
            } catch (Api.Unavailable | Api.Refusal e) {
                model.addAttribute("territories", List.of());
                if (!model.containsAttribute("problem")) {
                    model.addAttribute("problem", e.getMessage());
                }
            }
        }
        return "plan";
    }

    /** The secretary's group: the meetings service lists only his own. */
    private JsonNode ownGroup() {
        return QuarterPages.ownGroup(meetings);
    }

    private static String venue(JsonNode venue) {
        String name = venue.path("name").asString("");
        String address = venue.path("address").isString() ? venue.path("address").asString() : "";
        String kind = Russian.venueKind(venue.path("kind").asString(""));
        return name + (address.isBlank() ? "" : ", " + address) + (kind.isBlank() ? "" : " (" + kind + ")");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
