package ru.outreach.staffweb;

import java.time.LocalDate;
import java.util.HashMap;
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

/** The general department's registration queue: appeals received at meetings, registered one by one. */
@Controller
public class RegistrationPages {

    private final Api appeals;

    RegistrationPages(@Qualifier("appealsApi") Api appeals) {
        this.appeals = appeals;
    }

    /** A line of the queue with the date typed into its form and the refusal next to it. */
    public record QueueLine(String id, String category, String territory, String receivedOn,
                            String registrationDueOn, boolean overdue, String typed, String error) {
    }

    @GetMapping("/registration-queue")
    String queue(@RequestParam(defaultValue = "0") int page, Model model) {
        return page(Math.max(page, 0), null, null, null, model);
    }

    @PostMapping("/registration-queue/{id}")
    String register(@PathVariable String id, @RequestParam(defaultValue = "") String registeredOn, Model model,
                    RedirectAttributes redirect) {
        LocalDate day = Russian.parseDate(registeredOn);
        if (day == null) {
            return page(0, id, registeredOn, "Введите дату в виде ДД.ММ.ГГГГ, например 25.12.2026.", model);
        }
        try {
            appeals.post(Map.of("registeredOn", day.toString()), "/api/appeals/{id}/registration", id);
        } catch (Api.Refusal refusal) {
            String message = refusal.fields().getOrDefault("registeredOn", refusal.getMessage());
            return page(0, id, registeredOn, message, model);
        } catch (Api.Unavailable e) {
            model.addAttribute("problem", e.getMessage());
            return page(0, id, registeredOn, e.getMessage(), model);
        }
        redirect.addFlashAttribute("done", "Обращение " + id + " зарегистрировано " + day.format(Russian.DATE) + ".");
        return "redirect:/registration-queue";
    }

    private String page(int page, String failedId, String typed, String error, Model model) {
        Map<String, String> typedById = new HashMap<>();
        if (failedId != null) {
            typedById.put(failedId, typed);
        }
        try {
            JsonNode answer = appeals.get(uri -> uri.path("/api/appeals/registration-queue")
                    .queryParam("page", page).queryParam("size", 20).build());
            String today = Russian.today();
            List<QueueLine> lines = Api.items(answer).stream().map(appeal -> {
                String id = appeal.path("id").asString("");
                boolean failed = id.equals(failedId);
                return new QueueLine(id, appeal.path("category").asString(""),
                        appeal.path("territory").asString(""),
                        Russian.date(appeal.path("receivedOn").asString("")),
                        Russian.date(appeal.path("registrationDueOn").asString("")),
                        appeal.path("registrationOverdue").asBoolean(false),
                        failed ? typed : today, failed ? error : null);
            }).toList();
            model.addAttribute("lines", lines);
            model.addAttribute("page", page);
            model.addAttribute("totalPages", answer.path("totalPages").asInt(1));
            model.addAttribute("totalItems", answer.path("totalItems").asLong(lines.size()));
        } catch (Api.Unavailable | Api.Refusal e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("lines", List.of());
        }
        return "registration-queue";
    }
}
