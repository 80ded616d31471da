package ru.outreach.staffweb;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.JsonNode;

/**
 * Instructions to completion. The executor's «Поручения отдела» (his department's open instructions; he accepts,
 * reports and asks for an extension; below them the appeals sent to his department that await an answer) and the control department's «Контроль поручений» (reports to verify, extension
 * requests, overdue instructions by department; it closes, returns and decides on extensions). Who did a step comes
 * from the token the pages relay, so no form asks for a name.
 */
@Controller
public class InstructionPages {

    /** The states of an open instruction. */
    static final List<String> OPEN_STATES = List.of("ISSUED", "ACCEPTED", "RETURNED", "REPORTED");
    /** The most lines a list shows; it says so when there are more. */
    static final int LIST_SIZE = 200;
    /** The department's appeals awaiting an answer that «Поручения отдела» shows; the rest on «Обращения отдела». */
    static final int APPEALS_ON_PAGE = 10;
    static final Map<String, String> STATES = Map.of(
            "ISSUED", "Выдано",
            "ACCEPTED", "Принято к исполнению",
            "REPORTED", "Отчёт на проверке",
            "RETURNED", "Возвращено на доработку",
            "CLOSED", "Снято с контроля");
    /** Due within this many days counts as due soon. */
    static final int DUE_SOON_DAYS = 3;
    static final String BAD_DATE = "Введите дату в виде ДД.ММ.ГГГГ, например 25.12.2026.";

    private final Api appeals;

    InstructionPages(@Qualifier("appealsApi") Api appeals) {
        this.appeals = appeals;
    }

    /** A line of a list: the due date and state in Russian, the last return, report and extension request. */
    public record Line(String id, String text, String department, String dueOn, String state, boolean overdue,
                       long daysOverdue, boolean dueSoon, long daysLeft, String returnReason, String returnedOn,
                       String reportText, String reportedOn, String extensionReason, String extensionDueOn,
                       String extensionRequestedOn) {
    }

    /** A department with its overdue instructions. */
    public record DepartmentOverdue(String department, List<Line> lines) {
    }

    // ---- the executor -------------------------------------------------------------------------------------------

    @GetMapping("/instructions")
    String executorList(@AuthenticationPrincipal OidcUser user, Model model) {
        String department = user.getClaimAsString("outreach_department");
        model.addAttribute("department", department);
        try {
            Open open = open(department);
            List<Line> lines = open.items().stream().map(InstructionPages::line).toList();
            model.addAttribute("lines", lines);
            model.addAttribute("total", open.total());
            model.addAttribute("shown", lines.size());
        } catch (Api.Unavailable | Api.Refusal e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("lines", List.of());
        }
        try {
            DepartmentAppealPages.Listing waiting = DepartmentAppealPages.assigned(appeals, false, 0,
                    APPEALS_ON_PAGE);
            model.addAttribute("appeals", waiting.lines());
            model.addAttribute("appealsTotal", waiting.total());
        } catch (Api.Unavailable | Api.Refusal e) {
            model.addAttribute("appealsProblem", e.getMessage());
            model.addAttribute("appeals", List.of());
        }
        return "instructions";
    }

    @GetMapping("/instructions/{id}")
    String executorPage(@PathVariable String id, Model model) {
        return page("executor", id, Map.of(), Map.of(), model);
    }

    @PostMapping("/instructions/{id}/acceptance")
    String accept(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                  RedirectAttributes redirect) {
        return act("executor", id, form, model, redirect, "acceptance", Map.of("acceptedOn", "acceptedOn"),
                List.of("acceptedOn"), "Поручение " + id + " принято к исполнению.");
    }

    @PostMapping("/instructions/{id}/reports")
    String report(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                  RedirectAttributes redirect) {
        return act("executor", id, form, model, redirect, "reports",
                Map.of("text", "reportText", "reportedOn", "reportedOn"), List.of("reportedOn"),
                "Отчёт по поручению " + id + " отправлен на проверку.");
    }

    @PostMapping("/instructions/{id}/extension-request")
    String requestExtension(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                            RedirectAttributes redirect) {
        return act("executor", id, form, model, redirect, "extension-request",
                Map.of("reason", "extensionReason", "dueOn", "extensionDueOn", "requestedOn", "requestedOn"),
                List.of("extensionDueOn", "requestedOn"), "Просьба о продлении срока поручения " + id + " отправлена.");
    }

    // ---- the control department ---------------------------------------------------------------------------------

    @GetMapping("/control")
    String controlList(Model model) {
        try {
            Open open = open(null);
            List<Line> all = open.items().stream().map(InstructionPages::line).toList();
            model.addAttribute("total", open.total());
            model.addAttribute("shown", all.size());
            model.addAttribute("reported", all.stream().filter(l -> l.state().equals(STATES.get("REPORTED"))).toList());
            model.addAttribute("extensions", all.stream().filter(l -> l.extensionDueOn() != null).toList());
            Map<String, List<Line>> byDepartment = new TreeMap<>();
            all.stream().filter(Line::overdue)
                    .forEach(l -> byDepartment.computeIfAbsent(l.department(), d -> new ArrayList<>()).add(l));
            model.addAttribute("overdue", byDepartment.entrySet().stream()
                    .map(e -> new DepartmentOverdue(e.getKey(), e.getValue())).toList());
        } catch (Api.Unavailable | Api.Refusal e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("reported", List.of());
            model.addAttribute("extensions", List.of());
            model.addAttribute("overdue", List.of());
        }
        return "control";
    }

    @GetMapping("/control/{id}")
    String controlPage(@PathVariable String id, Model model) {
        return page("control", id, Map.of(), Map.of(), model);
    }

    /** Without {@code confirmed=yes} only asks «Снять с контроля? Это нельзя отменить.»; nothing is sent yet. */
    @PostMapping("/control/{id}/closing")
    String close(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                 RedirectAttributes redirect) {
        if (!"yes".equals(form.get("confirmed"))) {
            LocalDate day = Russian.parseDate(form.get("closedOn"));
            if (day == null) {
                return page("control", id, form, Map.of("closedOn", BAD_DATE), model);
            }
            model.addAttribute("id", id);
            model.addAttribute("closedOn", day.format(Russian.DATE));
            try {
                model.addAttribute("text", appeals.get("/api/instructions/{id}", id).path("text").asString(""));
            } catch (Api.Unavailable | Api.Refusal e) {
                model.addAttribute("text", "");
            }
            return "confirm-closing";
        }
        return act("control", id, form, model, redirect, "closing", Map.of("closedOn", "closedOn"),
                List.of("closedOn"), "Поручение " + id + " снято с контроля.");
    }

    @PostMapping("/control/{id}/return")
    String returnForRework(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                           RedirectAttributes redirect) {
        return act("control", id, form, model, redirect, "return",
                Map.of("reason", "returnReason", "returnedOn", "returnedOn"), List.of("returnedOn"),
                "Поручение " + id + " возвращено на доработку.");
    }

    @PostMapping("/control/{id}/extension-grant")
    String grant(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                 RedirectAttributes redirect) {
        return act("control", id, form, model, redirect, "extension-request/grant",
                Map.of("dueOn", "grantDueOn", "decidedOn", "grantDecidedOn"), List.of("grantDueOn", "grantDecidedOn"),
                "Срок поручения " + id + " продлён.");
    }

    @PostMapping("/control/{id}/extension-refusal")
    String refuse(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                  RedirectAttributes redirect) {
        return act("control", id, form, model, redirect, "extension-request/refusal",
                Map.of("comment", "refusalComment", "decidedOn", "refusalDecidedOn"), List.of("refusalDecidedOn"),
                "В продлении срока поручения " + id + " отказано.");
    }

    // ---- shared ---------------------------------------------------------------------------------------------------

    /**
     * Sends one step: the form's fields (API field → form field) with its dates turned from ДД.ММ.ГГГГ into ISO;
     * a date that is not one is refused on the page without asking the service; the service's refusals are shown
     * next to the fields they name.
     */
    private String act(String mode, String id, Map<String, String> form, Model model, RedirectAttributes redirect,
                       String step, Map<String, String> fields, List<String> dates, String done) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        fields.forEach((apiField, formField) -> {
            String typed = form.getOrDefault(formField, "").strip();
            if (dates.contains(formField)) {
                LocalDate day = Russian.parseDate(typed);
                if (day == null && !typed.isEmpty()) {
                    errors.put(formField, BAD_DATE);
                } else if (day == null && !optionalDate(formField)) {
                    errors.put(formField, BAD_DATE);
                }
                body.put(apiField, day == null ? null : day.toString());
            } else {
                body.put(apiField, typed.isEmpty() ? null : typed);
            }
        });
        if (!errors.isEmpty()) {
            return page(mode, id, form, errors, model);
        }
        body.values().removeIf(java.util.Objects::isNull);
        try {
            appeals.post(body, "/api/instructions/{id}/" + step, id);
        } catch (Api.Refusal refusal) {
            List<String> other = new ArrayList<>();
            refusal.fields().forEach((field, message) -> {
                String formField = fields.get(field);
                if (formField != null) {
                    errors.merge(formField, message, (a, b) -> a + " " + b);
                } else {
                    other.add(message);
                }
            });
            model.addAttribute("problem", refusal.getMessage());
            model.addAttribute("otherErrors", other);
            return page(mode, id, form, errors, model);
        } catch (Api.Unavailable e) {
            model.addAttribute("problem", e.getMessage());
            return page(mode, id, form, errors, model);
        }
        redirect.addFlashAttribute("done", done);
        return "redirect:" + ("executor".equals(mode) ? "/instructions" : "/control");
    }

    /** The grant's new due date may be left empty: the requested one then. */
    private static boolean optionalDate(String formField) {
        return formField.equals("grantDueOn");
    }

    /** One instruction with the forms of the mode; {@code typed} refills them, {@code errors} sit next to fields. */
    private String page(String mode, String id, Map<String, String> typed, Map<String, String> errors, Model model) {
        model.addAttribute("mode", mode);
        model.addAttribute("base", "executor".equals(mode) ? "/instructions" : "/control");
        model.addAttribute("id", id);
        model.addAttribute("errors", errors);
        String today = Russian.today();
        Map<String, String> values = new LinkedHashMap<>();
        for (String date : List.of("acceptedOn", "reportedOn", "requestedOn", "closedOn", "returnedOn",
                "grantDecidedOn", "refusalDecidedOn")) {
            values.put(date, today);
        }
        try {
            JsonNode instruction = appeals.get("/api/instructions/{id}", id);
            Line line = line(instruction);
            model.addAttribute("line", line);
            model.addAttribute("state", instruction.path("state").asString(""));
            model.addAttribute("issuedOn", Russian.date(instruction.path("issuedOn").asString("")));
            model.addAttribute("acceptedOn", Russian.date(instruction.path("acceptedOn").asString("")));
            List<String> coExecutors = new ArrayList<>();
            instruction.path("coExecutors").forEach(c -> coExecutors.add(c.asString()));
            model.addAttribute("coExecutors", String.join(", ", coExecutors));
            model.addAttribute("reports", steps(instruction.path("reports"), "text", "reportedOn", "reportedBy"));
            model.addAttribute("returns", steps(instruction.path("returns"), "reason", "returnedOn", "returnedBy"));
            model.addAttribute("pending", !instruction.path("pendingExtension").isMissingNode()
                    && !instruction.path("pendingExtension").isNull());
            if (line.extensionDueOn() != null) {
                values.put("grantDueOn", line.extensionDueOn());
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
        return "instruction";
    }

    /** A step of the history: what, when (ДД.ММ.ГГГГ) and who. */
    public record Step(String text, String on, String by) {
    }

    private static List<Step> steps(JsonNode list, String text, String on, String by) {
        List<Step> steps = new ArrayList<>();
        list.forEach(s -> steps.add(new Step(s.path(text).asString(""), Russian.date(s.path(on).asString("")),
                s.path(by).asString(""))));
        return steps;
    }

    /**
     * The open instructions, the department's when named (the service limits an executor to his own anyway), in one
     * query in the service's order {@code sort=due}: those awaiting a report first, by due date (so the overdue, then
     * those due soon), then those reported, by due date.
     */
    private Open open(String department) {
        JsonNode answer = appeals.get(uri -> {
            uri.path("/api/instructions");
            OPEN_STATES.forEach(state -> uri.queryParam("state", state));
            uri.queryParam("size", LIST_SIZE).queryParam("sort", "due");
            if (department != null && !department.isBlank()) {
                uri.queryParam("executorDepartment", department);
            }
            return uri.build();
        });
        List<JsonNode> items = Api.items(answer);
        return new Open(items, answer.path("totalItems").asLong(items.size()));
    }

    /** The open instructions of one query and how many there are in all. */
    private record Open(List<JsonNode> items, long total) {
    }

    static Line line(JsonNode instruction) {
        LocalDate today = LocalDate.now(StaffWebProperties.ZONE);
        String dueIso = instruction.path("dueOn").asString("");
        long daysLeft = Long.MAX_VALUE;
        try {
            daysLeft = ChronoUnit.DAYS.between(today, LocalDate.parse(dueIso));
        } catch (RuntimeException e) {
            // no due date: last
        }
        String state = instruction.path("state").asString("");
        boolean overdue = instruction.path("overdue").asBoolean(false);
        boolean awaiting = !state.equals("REPORTED") && !state.equals("CLOSED");
        JsonNode lastReturn = last(instruction.path("returns"));
        JsonNode lastReport = last(instruction.path("reports"));
        JsonNode pending = instruction.path("pendingExtension");
        boolean hasPending = pending.isObject();
        return new Line(instruction.path("id").asString(""), instruction.path("text").asString(""),
                instruction.path("executorDepartment").asString(""), Russian.date(dueIso),
                STATES.getOrDefault(state, state), overdue, instruction.path("daysOverdue").asLong(0),
                !overdue && awaiting && daysLeft <= DUE_SOON_DAYS, daysLeft,
                lastReturn == null ? null : lastReturn.path("reason").asString(""),
                lastReturn == null ? null : Russian.date(lastReturn.path("returnedOn").asString("")),
                lastReport == null ? null : lastReport.path("text").asString(""),
                lastReport == null ? null : Russian.date(lastReport.path("reportedOn").asString("")),
                hasPending ? pending.path("reason").asString("") : null,
                hasPending ? Russian.date(pending.path("requestedDueOn").asString("")) : null,
                hasPending ? Russian.date(pending.path("requestedOn").asString("")) : null);
    }

    private static JsonNode last(JsonNode list) {
        return list.isArray() && !list.isEmpty() ? list.get(list.size() - 1) : null;
    }
}
