package ru.outreach.staffweb;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
 * The general department's appeals (59-FZ): «Обращения» (filtered; the service lists overdue and due soon first,
 * across pages), «Зарегистрировать
 * обращение» (received by post, in person or electronically) and an appeal's page with the steps its state allows.
 * Leaving without an answer, redirecting and taking off control are asked to be confirmed first. Who did a step comes
 * from the token the pages relay, so no form asks for a name.
 */
@Controller
public class AppealPages {

    static final Map<String, String> STATES = ordered(
            "RECEIVED", "Получено, ждёт регистрации",
            "REGISTERED", "Зарегистрировано",
            "ASSIGNED", "Направлено исполнителю",
            "ANSWERED", "Дан ответ",
            "CLOSED", "Снято с контроля",
            "REDIRECTED", "Перенаправлено по компетенции",
            "LEFT_WITHOUT_ANSWER", "Оставлено без ответа");
    static final Map<String, String> CHANNELS = ordered(
            "POST", "Почтой",
            "IN_PERSON", "Лично в общий отдел",
            "ELECTRONIC", "В электронной форме",
            "PERSONAL_RECEPTION", "На личном приёме",
            "MEETING", "На встрече с населением");
    /** The channels the general department registers itself; the others come through the registration queue. */
    static final List<String> REGISTERED_CHANNELS = List.of("POST", "IN_PERSON", "ELECTRONIC");
    /** 59-FZ art. 11. */
    static final Map<String, String> GROUNDS = ordered(
            "NO_NAME_OR_ADDRESS", "Не указаны фамилия или почтовый адрес для ответа (ч. 1 ст. 11 59-ФЗ)",
            "OFFENSIVE_LANGUAGE", "Нецензурные либо оскорбительные выражения, угрозы (ч. 3 ст. 11 59-ФЗ)",
            "UNREADABLE", "Текст не поддаётся прочтению (ч. 4 ст. 11 59-ФЗ)",
            "QUESTION_UNCLEAR", "Из текста невозможно установить суть обращения (ч. 4.1 ст. 11 59-ФЗ)",
            "REPEATED_ALREADY_ANSWERED", "На вопрос неоднократно давались ответы, новых доводов нет (ч. 5 ст. 11 59-ФЗ)");
    static final Map<String, String> FORMS = ordered("WRITTEN", "Письменно", "ORAL", "Устно");
    /** Due within this many days counts as due soon. */
    static final int DUE_SOON_DAYS = 5;
    /** The filter «open»: registered or sent to an executor, an answer still owed. */
    static final String OPEN = "OPEN";
    static final List<String> OPEN_STATES = List.of("REGISTERED", "ASSIGNED");
    static final String BAD_DATE = InstructionPages.BAD_DATE;

    private final Api appeals;

    AppealPages(@Qualifier("appealsApi") Api appeals) {
        this.appeals = appeals;
    }

    /** A line of the list. */
    public record Line(String id, String category, String territory, String channel, String receivedOn,
                       String registeredOn, String answerDueOn, String state, String executorDepartment,
                       boolean overdue, boolean dueSoon, long daysLeft) {
    }

    /** A category of the classifier. */
    public record Option(String code, String name) {
    }

    /** How a form field goes into the API's body. */
    enum Kind { TEXT, DATE, OPTIONAL_DATE, NUMBER, FLAG }

    /** API field ← form field, of a kind; a dotted API field nests ({@code citizen.fullName}). */
    record Field(String api, String form, Kind kind) {
    }

    /** One step of an appeal: the API's path, its fields, whether it is confirmed first, what to say when done. */
    record Step(String path, String title, String question, List<Field> fields, boolean confirmed, String done) {
    }

    static final Map<String, Step> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put("assignment", new Step("assignment", "Направить исполнителю", null, List.of(
                new Field("executorDepartment", "executorDepartment", Kind.TEXT),
                new Field("assignedOn", "assignedOn", Kind.DATE)), false, "направлено исполнителю"));
        STEPS.put("answer", new Step("answer", "Ответить", null, List.of(
                new Field("text", "answerText", Kind.TEXT),
                new Field("answeredOn", "answeredOn", Kind.DATE),
                new Field("form", "answerForm", Kind.TEXT),
                new Field("citizenConsentedToOral", "citizenConsentedToOral", Kind.FLAG)), false,
                ": ответ записан"));
        STEPS.put("extension", new Step("extension", "Продлить срок", null, List.of(
                new Field("days", "extensionDays", Kind.NUMBER),
                new Field("reason", "extensionReason", Kind.TEXT),
                new Field("decidedOn", "extensionDecidedOn", Kind.DATE),
                new Field("citizenNotifiedOn", "extensionNotifiedOn", Kind.OPTIONAL_DATE)), false,
                ": срок ответа продлён"));
        STEPS.put("redirect", new Step("redirect", "Перенаправить по компетенции",
                "Перенаправить обращение по компетенции? Это нельзя отменить.", List.of(
                new Field("competentBody", "competentBody", Kind.TEXT),
                new Field("redirectedOn", "redirectedOn", Kind.DATE),
                new Field("citizenNotifiedOn", "redirectNotifiedOn", Kind.OPTIONAL_DATE)), true,
                "перенаправлено по компетенции"));
        STEPS.put("without-answer", new Step("without-answer", "Оставить без ответа",
                "Оставить обращение без ответа? Это нельзя отменить.", List.of(
                new Field("ground", "ground", Kind.TEXT),
                new Field("note", "groundNote", Kind.TEXT),
                new Field("decidedOn", "withoutAnswerOn", Kind.DATE)), true, "оставлено без ответа"));
        STEPS.put("closing", new Step("closing", "Снять с контроля",
                "Снять обращение с контроля? Это нельзя отменить.", List.of(
                new Field("closedOn", "closedOn", Kind.DATE)), true, "снято с контроля"));
    }

    static final List<Field> REGISTRATION = List.of(
            new Field("channel", "channel", Kind.TEXT),
            new Field("receivedOn", "receivedOn", Kind.DATE),
            new Field("registeredOn", "registeredOn", Kind.DATE),
            new Field("citizen.fullName", "fullName", Kind.TEXT),
            new Field("citizen.postalAddress", "postalAddress", Kind.TEXT),
            new Field("citizen.phone", "phone", Kind.TEXT),
            new Field("citizen.email", "email", Kind.TEXT),
            new Field("text", "text", Kind.TEXT),
            new Field("category", "category", Kind.TEXT),
            new Field("territory", "territory", Kind.TEXT),
            new Field("reportsCrime", "reportsCrime", Kind.FLAG));

    // ---- the list -------------------------------------------------------------------------------------------------

    @GetMapping("/appeals")
    String list(@RequestParam(defaultValue = "") String state, @RequestParam(defaultValue = "") String territory,
                @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "0") int page,
                Model model) {
        int current = Math.max(page, 0);
        String chosenState = STATES.containsKey(state) || state.equals(OPEN) ? state : "";
        List<String> asked = chosenState.equals(OPEN) ? OPEN_STATES
                : chosenState.isEmpty() ? List.of() : List.of(chosenState);
        model.addAttribute("states", STATES);
        model.addAttribute("state", chosenState);
        model.addAttribute("territory", territory.strip());
        model.addAttribute("overdue", overdue);
        model.addAttribute("page", current);
        try {
            Map<String, String> categories = categoryNames(appeals);
            JsonNode answer = appeals.get(uri -> {
                uri.path("/api/appeals");
                asked.forEach(one -> uri.queryParam("state", one));
                if (!territory.isBlank()) {
                    uri.queryParam("territory", territory.strip());
                }
                if (overdue) {
                    uri.queryParam("overdue", true);
                }
                return uri.queryParam("page", current).queryParam("size", 20).queryParam("sort", "due").build();
            });
            List<Line> lines = Api.items(answer).stream().map(a -> line(a, categories)).toList();
            model.addAttribute("lines", lines);
            model.addAttribute("totalPages", answer.path("totalPages").asInt(1));
        } catch (Api.Unavailable | Api.Refusal e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("lines", List.of());
            model.addAttribute("totalPages", 1);
        }
        return "appeals";
    }

    static Line line(JsonNode appeal, Map<String, String> categories) {
        String dueIso = appeal.path("answerDueOn").asString("");
        long daysLeft = Long.MAX_VALUE;
        try {
            daysLeft = ChronoUnit.DAYS.between(LocalDate.now(StaffWebProperties.ZONE), LocalDate.parse(dueIso));
        } catch (RuntimeException e) {
            // no answer term (not registered yet): last
        }
        String state = appeal.path("state").asString("");
        boolean overdue = appeal.path("overdue").asBoolean(false);
        boolean open = state.equals("REGISTERED") || state.equals("ASSIGNED");
        String category = appeal.path("category").asString("");
        String department = appeal.path("executorDepartment").asString("");
        if (department.isEmpty()) {
            department = appeal.path("assignment").path("executorDepartment").asString("");
        }
        String channel = appeal.path("channel").asString("");
        return new Line(appeal.path("id").asString(""), categories.getOrDefault(category, category),
                appeal.path("territory").asString(""), CHANNELS.getOrDefault(channel, channel),
                Russian.date(appeal.path("receivedOn").asString("")),
                Russian.date(appeal.path("registeredOn").asString("")), Russian.date(dueIso),
                STATES.getOrDefault(state, state), department, overdue,
                !overdue && open && daysLeft <= DUE_SOON_DAYS, daysLeft);
    }

    // ---- registration ---------------------------------------------------------------------------------------------

    @GetMapping("/appeals/new")
    String registrationForm(Model model) {
        String today = Russian.today();
        return registrationPage(Map.of("channel", "POST", "receivedOn", today, "registeredOn", today,
                "idempotencyKey", Api.newIdempotencyKey()), Map.of(), model);
    }

    @PostMapping("/appeals/new")
    String register(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = body(REGISTRATION, form, errors);
        if (!REGISTERED_CHANNELS.contains(form.getOrDefault("channel", ""))) {
            errors.put("channel", "Выберите, как получено обращение.");
        }
        if (!errors.isEmpty()) {
            return registrationPage(form, errors, model);
        }
        try {
            JsonNode created = appeals.create(Api.idempotencyKey(form.get("idempotencyKey")), body, "/api/appeals");
            String id = created.path("id").asString("");
            redirect.addFlashAttribute("done", "Обращение " + id + " зарегистрировано, срок ответа — "
                    + Russian.date(created.path("answerDueOn").asString("")) + ".");
            return id.isEmpty() ? "redirect:/appeals" : "redirect:/appeals/" + id;
        } catch (Api.Refusal refusal) {
            refused(refusal, REGISTRATION, errors, model);
            return registrationPage(form, errors, model);
        } catch (Api.Unavailable e) {
            model.addAttribute("problem", e.getMessage());
            return registrationPage(form, errors, model);
        }
    }

    private String registrationPage(Map<String, String> typed, Map<String, String> errors, Model model) {
        Map<String, String> values = new LinkedHashMap<>(typed);
        values.remove("_csrf");
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        Map<String, String> channels = new LinkedHashMap<>();
        REGISTERED_CHANNELS.forEach(c -> channels.put(c, CHANNELS.get(c)));
        model.addAttribute("channels", channels);
        List<Option> categories = new ArrayList<>();
        try {
            appeals.get("/api/categories").forEach(c -> categories.add(new Option(c.path("code").asString(""),
                    c.path("name").asString(""))));
        } catch (Api.Unavailable | Api.Refusal e) {
            if (!model.containsAttribute("problem")) {
                model.addAttribute("problem", e.getMessage());
            }
        }
        model.addAttribute("categories", categories);
        return "appeal-new";
    }

    // ---- an appeal and its steps ----------------------------------------------------------------------------------

    @GetMapping("/appeals/{id}")
    String appeal(@PathVariable String id, Model model) {
        return page(id, Map.of(), Map.of(), model);
    }

    @PostMapping("/appeals/{id}/{step}")
    String step(@PathVariable String id, @PathVariable String step, @RequestParam Map<String, String> form,
                Model model, RedirectAttributes redirect) {
        Step spec = STEPS.get(step);
        if (spec == null) {
            return "redirect:/appeals/" + id;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = body(spec.fields(), form, errors);
        if (step.equals("without-answer") && !GROUNDS.containsKey(form.getOrDefault("ground", ""))) {
            errors.put("ground", "Выберите основание из перечня статьи 11 59-ФЗ.");
        }
        if (step.equals("extension") && body.get("days") instanceof Integer days && (days < 1 || days > 30)) {
            errors.put("extensionDays", "Срок продлевается не более чем на 30 дней (ч. 2 ст. 12 59-ФЗ).");
        }
        if (step.equals("answer") && !FORMS.containsKey(form.getOrDefault("answerForm", ""))) {
            errors.put("answerForm", "Выберите форму ответа.");
        }
        if (!errors.isEmpty()) {
            return page(id, form, errors, model);
        }
        if (spec.confirmed() && !"yes".equals(form.get("confirmed"))) {
            return confirmation(id, spec, form, model);
        }
        try {
            appeals.post(body, "/api/appeals/{id}/" + spec.path(), id);
        } catch (Api.Refusal refusal) {
            refused(refusal, spec.fields(), errors, model);
            return page(id, form, errors, model);
        } catch (Api.Unavailable e) {
            model.addAttribute("problem", e.getMessage());
            return page(id, form, errors, model);
        }
        String done = spec.done();
        redirect.addFlashAttribute("done", "Обращение " + id + (done.startsWith(":") ? done : " " + done) + ".");
        return "redirect:/appeals/" + id;
    }

    /** A fact of the confirmation page and the hidden fields that repeat the form. */
    public record Fact(String label, String value) {
    }

    private String confirmation(String id, Step spec, Map<String, String> form, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("title", spec.title());
        model.addAttribute("question", spec.question());
        model.addAttribute("action", "/appeals/" + id + "/" + spec.path());
        List<Fact> facts = new ArrayList<>();
        Map<String, String> hidden = new LinkedHashMap<>();
        for (Field field : spec.fields()) {
            String value = form.getOrDefault(field.form(), "").strip();
            hidden.put(field.form(), value);
            if (value.isEmpty()) {
                continue;
            }
            String shown = field.form().equals("ground") ? GROUNDS.getOrDefault(value, value) : value;
            facts.add(new Fact(LABELS.getOrDefault(field.form(), field.form()), shown));
        }
        model.addAttribute("facts", facts);
        model.addAttribute("hidden", hidden);
        try {
            JsonNode appeal = appeals.get("/api/appeals/{id}", id);
            model.addAttribute("text", appeal.path("text").asString(""));
        } catch (Api.Unavailable | Api.Refusal e) {
            model.addAttribute("text", "");
        }
        return "appeal-confirm";
    }

    static final Map<String, String> LABELS = Map.of(
            "competentBody", "Орган, в компетенцию которого входит решение вопросов",
            "redirectedOn", "Дата направления",
            "redirectNotifiedOn", "Дата уведомления гражданина",
            "ground", "Основание",
            "groundNote", "Пояснение",
            "withoutAnswerOn", "Дата решения",
            "closedOn", "Дата снятия с контроля");

    private String page(String id, Map<String, String> typed, Map<String, String> errors, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("errors", errors);
        model.addAttribute("grounds", GROUNDS);
        model.addAttribute("forms", FORMS);
        String today = Russian.today();
        Map<String, String> values = new LinkedHashMap<>();
        for (String date : List.of("assignedOn", "answeredOn", "extensionDecidedOn", "extensionNotifiedOn",
                "redirectedOn", "redirectNotifiedOn", "withoutAnswerOn", "closedOn")) {
            values.put(date, today);
        }
        values.put("answerForm", "WRITTEN");
        values.put("extensionDays", "30");
        try {
            JsonNode appeal = appeals.get("/api/appeals/{id}", id);
            String state = appeal.path("state").asString("");
            model.addAttribute("state", state);
            model.addAttribute("line", line(appeal, categoryNames(appeals)));
            JsonNode citizen = appeal.path("citizen");
            model.addAttribute("citizen", citizen.isObject() ? Map.of(
                    "fullName", citizen.path("fullName").asString(""),
                    "postalAddress", citizen.path("postalAddress").asString(""),
                    "phone", citizen.path("phone").asString(""),
                    "email", citizen.path("email").asString("")) : null);
            model.addAttribute("text", appeal.path("text").asString(""));
            model.addAttribute("reportsCrime", appeal.path("reportsCrime").asBoolean(false));
            model.addAttribute("redirectDueOn", Russian.date(appeal.path("redirectDueOn").asString("")));
            model.addAttribute("extended", appeal.path("extension").isObject());
            model.addAttribute("extension", appeal.path("extension").isObject()
                    ? appeal.path("extension").path("days").asInt() + " дн.: "
                    + appeal.path("extension").path("reason").asString("") : null);
            model.addAttribute("answer", appeal.path("answer").isObject()
                    ? Russian.date(appeal.path("answer").path("answeredOn").asString("")) + ": "
                    + appeal.path("answer").path("text").asString("") : null);
            model.addAttribute("redirectTo", appeal.path("redirect").isObject()
                    ? appeal.path("redirect").path("competentBody").asString("") + ", "
                    + Russian.date(appeal.path("redirect").path("redirectedOn").asString("")) : null);
            String ground = appeal.path("withoutAnswer").path("ground").asString("");
            model.addAttribute("withoutAnswer", ground.isEmpty() ? null : GROUNDS.getOrDefault(ground, ground));
            model.addAttribute("closedOn", Russian.date(appeal.path("closing").path("closedOn").asString("")));
            model.addAttribute("open", state.equals("REGISTERED") || state.equals("ASSIGNED"));
            String department = appeal.path("assignment").path("executorDepartment").asString("");
            if (!department.isEmpty()) {
                values.put("executorDepartment", department);
            }
        } catch (Api.Unavailable | Api.Refusal e) {
            if (!model.containsAttribute("problem")) {
                model.addAttribute("problem", e.getMessage());
            }
        }
        typed.forEach((field, value) -> {
            if (!field.equals("_csrf") && !field.equals("confirmed")) {
                values.put(field, value);
            }
        });
        model.addAttribute("values", values);
        return "appeal";
    }

    // ---- shared ---------------------------------------------------------------------------------------------------

    /** The API's body from the form: dates from ДД.ММ.ГГГГ to ISO, empty fields left out, nested by dots. */
    private static Map<String, Object> body(List<Field> fields, Map<String, String> form, Map<String, String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Field field : fields) {
            String typed = form.getOrDefault(field.form(), "").strip();
            Object value = switch (field.kind()) {
                case TEXT -> typed.isEmpty() ? null : typed;
                case FLAG -> !typed.isEmpty() && !typed.equals("false");
                case NUMBER -> {
                    try {
                        yield typed.isEmpty() ? null : Integer.valueOf(typed);
                    } catch (NumberFormatException e) {
                        errors.put(field.form(), "Введите число дней, например 30.");
                        yield null;
                    }
                }
                case DATE, OPTIONAL_DATE -> {
                    LocalDate day = Russian.parseDate(typed);
                    if (day == null && (!typed.isEmpty() || field.kind() == Kind.DATE)) {
                        errors.put(field.form(), BAD_DATE);
                    }
                    yield day == null ? null : day.toString();
                }
            };
            if (value == null) {
                continue;
            }
            int dot = field.api().indexOf('.');
            if (dot < 0) {
                body.put(field.api(), value);
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) body.computeIfAbsent(field.api().substring(0, dot),
                        k -> new LinkedHashMap<String, Object>());
                nested.put(field.api().substring(dot + 1), value);
            }
        }
        return body;
    }

    /** The service's refusal: each message next to the form field it names, the rest above the forms. */
    private static void refused(Api.Refusal refusal, List<Field> fields, Map<String, String> errors, Model model) {
        List<String> other = new ArrayList<>();
        refusal.fields().forEach((apiField, message) -> {
            String formField = fields.stream().filter(f -> f.api().equals(apiField)).map(Field::form).findFirst()
                    .orElse(null);
            if (formField != null) {
                errors.merge(formField, message, (a, b) -> a + " " + b);
            } else {
                other.add(message);
            }
        });
        model.addAttribute("problem", refusal.getMessage());
        model.addAttribute("otherErrors", other);
    }

    /** Category code → name from the classifier; empty when the classifier does not answer. */
    static Map<String, String> categoryNames(Api appeals) {
        Map<String, String> names = new LinkedHashMap<>();
        try {
            appeals.get("/api/categories").forEach(c -> names.put(c.path("code").asString(""),
                    c.path("name").asString("")));
        } catch (Api.Unavailable | Api.Refusal e) {
            // the codes then
        }
        return names;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
