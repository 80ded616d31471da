package ru.outreach.staffweb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.JsonNode;

/**
 * The executor's «Обращения отдела»: the appeals the general department sent to his department, those still awaiting
 * an answer first, overdue and due soon at the top (the service's order {@code sort=due}, across pages; the service
 * limits an executor to his department's), and each appeal's page to read it with the citizen's details. Every step of
 * an appeal is the general department's, so these pages only read.
 */
@Controller
public class DepartmentAppealPages {

    static final int PAGE_SIZE = 20;

    private final Api appeals;

    DepartmentAppealPages(@Qualifier("appealsApi") Api appeals) {
        this.appeals = appeals;
    }

    /** A page of the department's appeals and how many there are in all. */
    record Listing(List<AppealPages.Line> lines, long total, int totalPages) {
    }

    /** The department's appeals: only those awaiting an answer unless {@code all}, in the service's order. */
    static Listing assigned(Api appeals, boolean all, int page, int size) {
        Map<String, String> categories = AppealPages.categoryNames(appeals);
        JsonNode answer = appeals.get(uri -> {
            uri.path("/api/appeals");
            if (!all) {
                uri.queryParam("state", "ASSIGNED");
            }
            return uri.queryParam("page", page).queryParam("size", size).queryParam("sort", "due").build();
        });
        List<AppealPages.Line> lines = Api.items(answer).stream().map(a -> AppealPages.line(a, categories)).toList();
        return new Listing(lines, answer.path("totalItems").asLong(lines.size()),
                Math.max(answer.path("totalPages").asInt(1), 1));
    }

    @GetMapping("/department-appeals")
    String list(@AuthenticationPrincipal OidcUser user, @RequestParam(defaultValue = "false") boolean all,
                @RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(page, 0);
        model.addAttribute("department", user.getClaimAsString("outreach_department"));
        model.addAttribute("all", all);
        model.addAttribute("page", current);
        try {
            Listing listing = assigned(appeals, all, current, PAGE_SIZE);
            model.addAttribute("lines", listing.lines());
            model.addAttribute("total", listing.total());
            model.addAttribute("totalPages", listing.totalPages());
        } catch (Api.Unavailable | Api.Refusal e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("lines", List.of());
            model.addAttribute("totalPages", 1);
        }
        return "department-appeals";
    }

    @GetMapping("/department-appeals/{id}")
    String appeal(@PathVariable String id, Model model) {
        model.addAttribute("id", id);
        try {
            JsonNode appeal = appeals.get("/api/appeals/{id}", id);
            AppealPages.Line line = AppealPages.line(appeal, AppealPages.categoryNames(appeals));
            model.addAttribute("line", line);
            model.addAttribute("details", details(appeal, line));
            model.addAttribute("text", appeal.path("text").isString() ? appeal.path("text").asString() : null);
            JsonNode citizen = appeal.path("citizen");
            model.addAttribute("citizen", citizen.isObject() ? citizen(citizen) : null);
            String personalData = appeal.path("personalData").asString("");
            model.addAttribute("personalData", switch (personalData) {
                case "ERASED" -> "Персональные данные гражданина удалены по истечении срока хранения.";
                case "WITHHELD" -> "Сведения о гражданине вам не показываются.";
                default -> null;
            });
        } catch (Api.Unavailable | Api.Refusal e) {
            model.addAttribute("problem", e.getMessage());
        }
        return "department-appeal";
    }

    /** What the page says about the appeal, line by line: a label and a value. */
    private static Map<String, String> details(JsonNode appeal, AppealPages.Line line) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("Состояние", line.state());
        lines.put("Категория", line.category());
        lines.put("Территория", line.territory());
        lines.put("Как поступило", line.channel());
        lines.put("Поступило", line.receivedOn());
        lines.put("Зарегистрировано", line.registeredOn());
        JsonNode assignment = appeal.path("assignment");
        if (assignment.isObject()) {
            lines.put("Направлено исполнителю", assignment.path("executorDepartment").asString("") + ", "
                    + Russian.date(assignment.path("assignedOn").asString("")));
        }
        lines.put("Срок ответа", line.answerDueOn());
        JsonNode extension = appeal.path("extension");
        if (extension.isObject()) {
            lines.put("Срок продлён", "на " + Russian.days(extension.path("days").asLong()) + ": "
                    + extension.path("reason").asString(""));
        }
        JsonNode answer = appeal.path("answer");
        if (answer.isObject()) {
            String text = answer.path("text").isString() ? ": " + answer.path("text").asString() : "";
            lines.put("Ответ", Russian.date(answer.path("answeredOn").asString("")) + text);
        }
        JsonNode closing = appeal.path("closing");
        if (closing.isObject()) {
            lines.put("Снято с контроля", Russian.date(closing.path("closedOn").asString("")));
        }
        return lines;
    }

    private static Map<String, String> citizen(JsonNode citizen) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("Ф. И. О.", citizen.path("fullName").asString(""));
        lines.put("Почтовый адрес", citizen.path("postalAddress").asString(""));
        lines.put("Телефон", citizen.path("phone").asString(""));
        lines.put("Электронная почта", citizen.path("email").asString(""));
        lines.values().removeIf(String::isBlank);
        return lines;
    }
}
