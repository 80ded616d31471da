package ru.outreach.staffweb;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.JsonNode;

/**
 * The minutes of a held meeting for the secretary: a plain form with what is already recorded and a few empty rows of
 * each kind, saved as a draft (PUT, replacing the content); signing behind a confirmation page. The form's fields are
 * named as the API's ({@code receptionCards[0].citizen.fullName}), so a refusal lands next to its field.
 */
@Controller
public class MinutesPages {

    static final int EMPTY_ROWS = 3;
    static final int DUE_SOON_DAYS = 2;
    private static final Pattern INDEXED = Pattern.compile("^(\\w+)\\[(\\d+)](.*)$");

    /** A field of a row: its key inside the row ({@code citizen.fullName}), its label and how it is typed. */
    public record Field(String key, String label, String kind) {
    }

    /** A kind of entry of the minutes with its rows as typed (the keys of {@link Field}). */
    public record Section(String name, String title, List<Field> fields, List<Map<String, String>> rows) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section("questions", "Вопросы жителей и ответы", List.of(
                    new Field("text", "Вопрос", "textarea"),
                    new Field("answer", "Ответ", "textarea")), List.of()),
            new Section("remarks", "Замечания", List.of(
                    new Field("text", "Замечание", "textarea")), List.of()),
            new Section("proposals", "Предложения", List.of(
                    new Field("text", "Предложение", "textarea")), List.of()),
            new Section("receptionCards", "Карточки личного приёма", List.of(
                    new Field("citizen.fullName", "Ф. И. О. гражданина", "text"),
                    new Field("citizen.postalAddress", "Почтовый адрес", "text"),
                    new Field("citizen.phone", "Телефон", "text"),
                    new Field("citizen.email", "Электронная почта", "text"),
                    new Field("question", "Суть вопроса", "textarea"),
                    new Field("category", "Тематика", "category")), List.of()),
            new Section("instructions", "Поручения", List.of(
                    new Field("text", "Текст поручения", "textarea"),
                    new Field("executorDepartment", "Исполнитель (подразделение)", "text"),
                    new Field("dueOn", "Срок исполнения (ДД.ММ.ГГГГ)", "date")), List.of()));

    private final Api meetings;
    private final Api appeals;

    MinutesPages(@Qualifier("meetingsApi") Api meetings, @Qualifier("appealsApi") Api appeals) {
        this.meetings = meetings;
        this.appeals = appeals;
    }

    @GetMapping("/meetings/{id}/minutes")
    String editor(@PathVariable String id, Model model) {
        JsonNode minutes;
        try {
            minutes = minutes(id);
        } catch (Api.Unavailable | Api.Refusal e) {
            model.addAttribute("problem", e.getMessage());
            return editorPage(id, List.of(), Map.of(), model);
        }
        List<Section> sections = new ArrayList<>();
        for (Section section : SECTIONS) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (JsonNode item : minutes.path("content").path(section.name())) {
                Map<String, String> row = new LinkedHashMap<>();
                for (Field field : section.fields()) {
                    JsonNode value = item;
                    for (String part : field.key().split("\\.")) {
                        value = value.path(part);
                    }
                    String text = value.isString() ? value.asString() : value.isNumber() ? value.asString() : "";
                    row.put(field.key(), field.kind().equals("date") ? Russian.date(text) : text);
                }
                rows.add(row);
            }
            sections.add(new Section(section.name(), section.title(), section.fields(), rows));
        }
        return editorPage(id, sections, Map.of(), model);
    }

    @PostMapping("/meetings/{id}/minutes")
    String save(@PathVariable String id, @RequestParam MultiValueMap<String, String> typed, Model model,
                RedirectAttributes redirect) {
        List<Section> sections = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> content = new LinkedHashMap<>();
        /* the position each kept row has in the request, by section: a refusal names it, the page its row */
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (Section section : SECTIONS) {
            List<Map<String, String>> rows = new ArrayList<>();
            List<Object> items = new ArrayList<>();
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; hasRow(typed, section, i); i++) {
                Map<String, String> row = new LinkedHashMap<>();
                boolean blank = true;
                for (Field field : section.fields()) {
                    String value = typed.getFirst(section.name() + "[" + i + "]." + field.key());
                    value = value == null ? "" : value.strip();
                    row.put(field.key(), value);
                    blank &= value.isEmpty();
                }
                int rowIndex = rows.size();
                rows.add(row);
                if (blank) {
                    continue;
                }
                Map<String, Object> item = new LinkedHashMap<>();
                for (Field field : section.fields()) {
                    String value = row.get(field.key());
                    Object json = value.isEmpty() ? null : value;
                    if (field.kind().equals("date") && !value.isEmpty()) {
                        LocalDate day = Russian.parseDate(value);
                        if (day == null) {
                            errors.put(section.name() + "[" + rowIndex + "]." + field.key(),
                                    MeetingStepPages.DATE_FORMAT);
                        }
                        json = day == null ? null : day.toString();
                    }
                    put(item, field.key(), json);
                }
                items.add(item);
                kept.add(rowIndex);
            }
            sections.add(new Section(section.name(), section.title(), section.fields(), rows));
            content.put(section.name(), items);
            positions.put(section.name(), kept);
        }
        if (!errors.isEmpty()) {
            return editorPage(id, sections, errors, model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("questions", content.get("questions"));
        body.put("remarks", content.get("remarks"));
        body.put("proposals", content.get("proposals"));
        body.put("receptionCards", content.get("receptionCards"));
        try {
            // written appeals are not edited here: what is recorded is kept as it is
            JsonNode written = minutes(id).path("content").path("writtenAppeals");
            body.put("writtenAppeals", written.isArray() ? written : List.of());
            body.put("instructions", content.get("instructions"));
            meetings.put(body, "/api/meetings/{id}/minutes", id);
        } catch (Api.Refusal refusal) {
            refusal.fields().forEach((field, message) -> errors.merge(formField(field, positions), message,
                    (a, b) -> a + " " + b));
            model.addAttribute("problem", refusal.getMessage());
            return editorPage(id, sections, errors, model);
        } catch (Api.Unavailable e) {
            model.addAttribute("problem", e.getMessage());
            return editorPage(id, sections, errors, model);
        }
        redirect.addFlashAttribute("done", "Черновик протокола сохранён.");
        return "redirect:/meetings/" + id + "/minutes";
    }

    @GetMapping("/meetings/{id}/minutes/signature")
    String confirmSigning(@PathVariable String id, Model model) {
        return signingPage(id, Russian.today(), null, model);
    }

    @PostMapping("/meetings/{id}/minutes/signature")
    String sign(@PathVariable String id, @RequestParam(defaultValue = "") String signedOn, Model model,
                RedirectAttributes redirect) {
        LocalDate day = Russian.parseDate(signedOn);
        if (day == null) {
            return signingPage(id, signedOn, MeetingStepPages.DATE_FORMAT, model);
        }
        try {
            meetings.post(Map.of("signedOn", day.toString()), "/api/meetings/{id}/minutes/signature", id);
        } catch (Api.Refusal refusal) {
            return signingPage(id, signedOn, refusal.fields().getOrDefault("signedOn", refusal.getMessage()), model);
        } catch (Api.Unavailable e) {
            model.addAttribute("problem", e.getMessage());
            return signingPage(id, signedOn, null, model);
        }
        redirect.addFlashAttribute("done", "Протокол подписан " + day.format(Russian.DATE)
                + ". Карточки и поручения переданы в работу.");
        return "redirect:/meetings/" + id;
    }

    private String signingPage(String id, String typed, String error, Model model) {
        model.addAttribute("meetingId", id);
        model.addAttribute("signedOn", typed);
        model.addAttribute("error", error);
        try {
            due(minutes(id), model);
        } catch (Api.Unavailable | Api.Refusal e) {
            if (!model.containsAttribute("problem")) {
                model.addAttribute("problem", e.getMessage());
            }
        }
        return "minutes-sign";
    }

    private String editorPage(String id, List<Section> typed, Map<String, String> errors, Model model) {
        List<Section> sections = new ArrayList<>();
        for (Section section : SECTIONS) {
            List<Map<String, String>> rows = new ArrayList<>(typed.stream()
                    .filter(s -> s.name().equals(section.name())).findFirst().map(Section::rows).orElse(List.of()));
            int filled = (int) rows.stream().filter(row -> row.values().stream().anyMatch(v -> !v.isBlank())).count();
            while (rows.size() < filled + EMPTY_ROWS) {
                Map<String, String> empty = new LinkedHashMap<>();
                section.fields().forEach(field -> empty.put(field.key(), ""));
                rows.add(empty);
            }
            sections.add(new Section(section.name(), section.title(), section.fields(), rows));
        }
        model.addAttribute("meetingId", id);
        model.addAttribute("sections", sections);
        model.addAttribute("errors", errors);
        List<String> shown = new ArrayList<>();
        sections.forEach(section -> {
            for (int i = 0; i < section.rows().size(); i++) {
                for (Field field : section.fields()) {
                    shown.add(section.name() + "[" + i + "]." + field.key());
                }
            }
        });
        model.addAttribute("otherErrors", errors.entrySet().stream().filter(e -> !shown.contains(e.getKey()))
                .map(Map.Entry::getValue).toList());
        Map<String, String> categories = new LinkedHashMap<>();
        try {
            for (JsonNode category : appeals.get("/api/categories")) {
                categories.put(category.path("code").asString(""), category.path("name").asString(""));
            }
        } catch (Api.Unavailable | Api.Refusal e) {
            model.addAttribute("categoriesProblem", e.getMessage());
        }
        model.addAttribute("categories", categories);
        try {
            due(minutes(id), model);
        } catch (Api.Unavailable | Api.Refusal e) {
            if (!model.containsAttribute("problem")) {
                model.addAttribute("problem", e.getMessage());
            }
        }
        return "minutes";
    }

    /** The minutes as recorded, or, before anything is, the meeting's due date and an empty content. */
    private JsonNode minutes(String id) {
        try {
            return meetings.get("/api/meetings/{id}/minutes", id);
        } catch (Api.Refusal refusal) {
            if (refusal.status() != 404) {
                throw refusal;
            }
        }
        JsonNode meeting = meetings.get("/api/meetings/{id}", id);
        tools.jackson.databind.node.ObjectNode empty = tools.jackson.databind.json.JsonMapper.builder().build()
                .createObjectNode();
        empty.put("status", "DRAFT");
        empty.put("dueOn", meeting.path("minutesDueOn").asString(""));
        empty.put("heldOn", meeting.path("holding").path("heldAt").asString(""));
        empty.put("territory", meeting.path("territory").asString(""));
        return empty;
    }

    /** The due date of the minutes and how near it is. */
    private static void due(JsonNode minutes, Model model) {
        String dueOn = minutes.path("dueOn").asString("");
        model.addAttribute("dueOn", Russian.date(dueOn));
        model.addAttribute("heldOn", Russian.date(minutes.path("heldOn").asString("")));
        model.addAttribute("territory", minutes.path("territory").asString(""));
        String status = minutes.path("status").asString("DRAFT");
        model.addAttribute("draft", "DRAFT".equals(status));
        if (!"DRAFT".equals(status) || dueOn.isBlank()) {
            return;
        }
        LocalDate due = LocalDate.parse(dueOn.substring(0, 10));
        long left = ChronoUnit.DAYS.between(LocalDate.now(StaffWebProperties.ZONE), due);
        if (left < 0) {
            model.addAttribute("dueWarning", "Срок оформления протокола истёк " + due.format(Russian.DATE) + ".");
        } else if (left <= DUE_SOON_DAYS) {
            model.addAttribute("dueWarning", left == 0 ? "Срок оформления протокола — сегодня."
                    : "Срок оформления протокола скоро истекает: " + due.format(Russian.DATE) + ".");
        }
    }

    /** {@code receptionCards[1].citizen.fullName} of the request as the page's field of that row. */
    private static String formField(String field, Map<String, List<Integer>> positions) {
        Matcher matcher = INDEXED.matcher(field);
        if (matcher.matches() && positions.containsKey(matcher.group(1))) {
            List<Integer> kept = positions.get(matcher.group(1));
            int index = Integer.parseInt(matcher.group(2));
            if (index < kept.size()) {
                return matcher.group(1) + "[" + kept.get(index) + "]" + matcher.group(3);
            }
        }
        return field;
    }

    private static boolean hasRow(MultiValueMap<String, String> typed, Section section, int index) {
        String prefix = section.name() + "[" + index + "].";
        return typed.keySet().stream().anyMatch(key -> key.startsWith(prefix));
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> item, String key, Object value) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            item.put(key, value);
            return;
        }
        Map<String, Object> nested = (Map<String, Object>) item.computeIfAbsent(key.substring(0, dot),
                k -> new LinkedHashMap<String, Object>());
        put(nested, key.substring(dot + 1), value);
    }
}
