package ru.outreach.staffweb;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriBuilder;

import tools.jackson.databind.JsonNode;

/**
 * The personal-data officer's «Журнал доступа к персональным данным»: one search over both services' audit logs of
 * reads of citizens' details, merged newest first, and the appeals service's erasure acts. A query that names an
 * appeal or a citizen asks only the appeals service (the meetings log knows neither); one that names a meeting asks
 * only the meetings service.
 */
@Controller
public class AuditPages {

    static final int SIZE = 100;
    static final List<String> FIELDS = List.of("reader", "citizen", "address", "appealId", "meetingId", "from", "to");

    /** A read of a citizen's details, from either service. */
    public record Entry(Instant at, String when, String reader, String record, String fields, String operation) {
    }

    /** An erasure act of the appeals service. */
    public record Act(String when, String rule, String cutoff, String triggeredBy, int appealCount,
                      List<String> appeals) {
    }

    private final Api meetings;
    private final Api appeals;

    AuditPages(@Qualifier("meetingsApi") Api meetings, @Qualifier("appealsApi") Api appeals) {
        this.meetings = meetings;
        this.appeals = appeals;
    }

    @GetMapping("/audit")
    String audit(@RequestParam Map<String, String> query, Model model) {
        Map<String, String> typed = new LinkedHashMap<>();
        FIELDS.forEach(field -> typed.put(field, query.getOrDefault(field, "").strip()));
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        boolean searched = typed.values().stream().anyMatch(v -> !v.isEmpty()) || query.containsKey("search");
        LocalDate from = day(typed, "from", errors);
        LocalDate to = day(typed, "to", errors);
        if (!typed.get("citizen").isEmpty() && typed.get("address").isEmpty()) {
            errors.put("address", "Чтобы найти гражданина, укажите и его адрес, телефон или электронную почту.");
        }
        if (searched && errors.isEmpty()) {
            boolean appealsOnly = !typed.get("appealId").isEmpty() || !typed.get("citizen").isEmpty();
            boolean meetingsOnly = !typed.get("meetingId").isEmpty();
            if (!meetingsOnly) {
                try {
                    for (JsonNode read : Api.items(appeals.get(uri -> query(uri, typed, from, to,
                            List.of("reader", "appealId", "citizen", "address"))))) {
                        entries.add(entry(read.path("readAt").asString(""), read.path("readerUsername").asString(""),
                                read.path("readerFullName").asString(""),
                                "обращение " + read.path("appealId").asString(""), read));
                    }
                } catch (Api.Refusal refusal) {
                    errors.putAll(refusal.fields());
                    problems.add("Журнал обращений: " + refusal.getMessage());
                } catch (Api.Unavailable e) {
                    problems.add(e.getMessage());
                }
            }
            if (!appealsOnly) {
                try {
                    for (JsonNode read : Api.items(meetings.get(uri -> query(uri, typed, from, to,
                            List.of("reader", "meetingId"))))) {
                        entries.add(entry(read.path("at").asString(""), read.path("reader").asString(""),
                                read.path("readerName").asString(""),
                                "протокол встречи " + read.path("meetingId").asString(""), read));
                    }
                } catch (Api.Refusal refusal) {
                    errors.putAll(refusal.fields());
                    problems.add("Журнал встреч: " + refusal.getMessage());
                } catch (Api.Unavailable e) {
                    problems.add(e.getMessage());
                }
            }
            entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.reverseOrder())));
        }
        List<Act> acts = new ArrayList<>();
        try {
            for (JsonNode act : Api.items(appeals.get(uri -> uri.path("/api/audit/erasure-acts")
                    .queryParam("size", 50).build()))) {
                List<String> erased = new ArrayList<>();
                for (JsonNode appeal : act.path("appeals")) {
                    erased.add(appeal.path("appealId").asString("") + ": " + join(appeal.path("fields")));
                }
                acts.add(new Act(moment(act.path("erasedAt").asString("")), act.path("rule").asString(""),
                        Russian.date(act.path("cutoff").asString("")), act.path("triggeredBy").asString(""),
                        act.path("appealCount").asInt(erased.size()), erased));
            }
        } catch (Api.Refusal | Api.Unavailable e) {
            model.addAttribute("actsProblem", e.getMessage());
        }
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", problems);
        model.addAttribute("searched", searched);
        model.addAttribute("entries", entries);
        model.addAttribute("acts", acts);
        return "audit";
    }

    private static java.net.URI query(UriBuilder uri, Map<String, String> typed, LocalDate from, LocalDate to,
                                      List<String> names) {
        uri.path("/api/audit/personal-data-reads");
        for (String name : names) {
            if (!typed.get(name).isEmpty()) {
                uri.queryParam(name, "{" + name + "}");
            }
        }
        if (from != null) {
            uri.queryParam("from", from.toString());
        }
        if (to != null) {
            uri.queryParam("to", to.toString());
        }
        uri.queryParam("size", SIZE);
        return uri.build(typed);
    }

    private static LocalDate day(Map<String, String> typed, String field, Map<String, String> errors) {
        String value = typed.get(field);
        if (value.isEmpty()) {
            return null;
        }
        LocalDate day = Russian.parseDate(value);
        if (day == null) {
            errors.put(field, MeetingStepPages.DATE_FORMAT);
        }
        return day;
    }

    private static Entry entry(String at, String username, String fullName, String record, JsonNode read) {
        Instant instant;
        try {
            instant = at.isEmpty() ? null : Instant.parse(at);
        } catch (DateTimeParseException e) {
            instant = null;
        }
        String reader = fullName.isBlank() || fullName.equals(username) ? username : fullName + " (" + username + ")";
        return new Entry(instant, moment(at), reader, record, join(read.path("fields")),
                read.path("operation").asString(""));
    }

    /** An instant of the API as ДД.ММ.ГГГГ ЧЧ:ММ in the city's zone. */
    static String moment(String iso) {
        try {
            var local = Instant.parse(iso).atZone(StaffWebProperties.ZONE);
            return local.format(Russian.DATE) + " " + local.format(Russian.TIME);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static String join(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString("")));
        return String.join(", ", values);
    }
}
