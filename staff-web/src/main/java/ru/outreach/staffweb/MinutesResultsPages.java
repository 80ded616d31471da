package ru.outreach.staffweb;

import java.time.LocalDate;
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
 * The secretary's work on signed minutes: «Оценить предложение» for each proposal (accepted, rejected, included in a
 * plan, with the day of the decision) and «Опубликовать результаты» (where and on which day). The bodies carry only
 * what the secretary typed; who did it the service takes from the token.
 */
@Controller
public class MinutesResultsPages {

    static final Map<String, String> OUTCOMES = new LinkedHashMap<>();

    static {
        OUTCOMES.put("ACCEPTED", "Принято");
        OUTCOMES.put("REJECTED", "Отклонено");
        OUTCOMES.put("INCLUDED_IN_PLAN", "Включено в план");
    }

    /** A proposal as the page shows it, with what is typed in its evaluation form and the errors of that form. */
    public record Proposal(String id, String text, String outcome, String evaluatedOn, String typedOutcome,
                           String typedOn, Map<String, String> errors) {
    }

    private final Api meetings;

    MinutesResultsPages(@Qualifier("meetingsApi") Api meetings) {
        this.meetings = meetings;
    }

    @GetMapping("/meetings/{id}/minutes/results")
    String results(@PathVariable String id, Model model) {
        return page(id, null, Map.of(), Map.of(), model);
    }

    @PostMapping("/meetings/{id}/minutes/proposals/{proposalId}/evaluation")
    String evaluate(@PathVariable String id, @PathVariable String proposalId,
                    @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String evaluatedOn,
                    Model model, RedirectAttributes redirect) {
        Map<String, String> typed = Map.of("outcome", outcome, "evaluatedOn", evaluatedOn);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!OUTCOMES.containsKey(outcome)) {
            errors.put("outcome", "Выберите решение по предложению.");
        }
        LocalDate day = Russian.parseDate(evaluatedOn);
        if (day == null) {
            errors.put("evaluatedOn", MeetingStepPages.DATE_FORMAT);
        }
        if (errors.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("outcome", outcome);
            body.put("evaluatedOn", day.toString());
            try {
                meetings.post(body, "/api/meetings/{id}/minutes/proposals/{proposalId}/evaluation", id, proposalId);
                redirect.addFlashAttribute("done", "Решение по предложению записано: "
                        + OUTCOMES.get(outcome).toLowerCase() + ", " + day.format(Russian.DATE) + ".");
                return "redirect:/meetings/" + id + "/minutes/results";
            } catch (Api.Refusal refusal) {
                errors.putAll(refusal.fields());
                model.addAttribute("problem", refusal.getMessage());
            } catch (Api.Unavailable e) {
                model.addAttribute("problem", e.getMessage());
            }
        }
        return page(id, proposalId, typed, errors, model);
    }

    @PostMapping("/meetings/{id}/minutes/results-publication")
    String publish(@PathVariable String id, @RequestParam(defaultValue = "") String publishedWhere,
                   @RequestParam(defaultValue = "") String publishedOn, Model model, RedirectAttributes redirect) {
        Map<String, String> typed = Map.of("publishedWhere", publishedWhere, "publishedOn", publishedOn);
        Map<String, String> errors = new LinkedHashMap<>();
        if (publishedWhere.isBlank()) {
            errors.put("publishedWhere", "Укажите, где опубликованы результаты.");
        }
        LocalDate day = Russian.parseDate(publishedOn);
        if (day == null) {
            errors.put("publishedOn", MeetingStepPages.DATE_FORMAT);
        }
        if (errors.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("publishedOn", day.toString());
            body.put("publishedWhere", publishedWhere.strip());
            try {
                meetings.post(body, "/api/meetings/{id}/minutes/results-publication", id);
                redirect.addFlashAttribute("done", "Публикация результатов записана.");
                return "redirect:/meetings/" + id + "/minutes/results";
            } catch (Api.Refusal refusal) {
                errors.putAll(refusal.fields());
                model.addAttribute("problem", refusal.getMessage());
            } catch (Api.Unavailable e) {
                model.addAttribute("problem", e.getMessage());
            }
        }
        return page(id, "publication", typed, errors, model);
    }

    /** {@code form}: the proposal's id or {@code publication} whose typed values and errors are shown. */
    private String page(String id, String form, Map<String, String> typed, Map<String, String> errors, Model model) {
        model.addAttribute("meetingId", id);
        model.addAttribute("outcomes", OUTCOMES);
        List<Proposal> proposals = new ArrayList<>();
        boolean publication = "publication".equals(form);
        model.addAttribute("publishedWhere", publication ? typed.get("publishedWhere") : "");
        model.addAttribute("publishedOn", publication ? typed.get("publishedOn") : Russian.today());
        model.addAttribute("publicationErrors", publication ? errors : Map.of());
        try {
            JsonNode minutes = meetings.get("/api/meetings/{id}/minutes", id);
            model.addAttribute("signed", !"DRAFT".equals(minutes.path("status").asString("DRAFT")));
            model.addAttribute("heldOn", Russian.date(minutes.path("heldOn").asString("")));
            model.addAttribute("territory", minutes.path("territory").asString(""));
            JsonNode published = minutes.path("resultsPublication");
            if (published.isObject()) {
                model.addAttribute("published", Russian.date(published.path("publishedOn").asString("")) + ", "
                        + published.path("publishedWhere").asString(""));
            }
            for (JsonNode p : minutes.path("content").path("proposals")) {
                String pid = p.path("id").asString("");
                boolean mine = pid.equals(form);
                String outcome = p.path("outcome").isString() ? p.path("outcome").asString() : "";
                proposals.add(new Proposal(pid, p.path("text").asString(""), OUTCOMES.getOrDefault(outcome, outcome),
                        Russian.date(p.path("evaluatedOn").asString("")), mine ? typed.get("outcome") : outcome,
                        mine ? typed.get("evaluatedOn") : Russian.today(), mine ? errors : Map.of()));
            }
        } catch (Api.Refusal | Api.Unavailable e) {
            if (!model.containsAttribute("problem")) {
                model.addAttribute("problem", e.getMessage());
            }
        }
        model.addAttribute("proposals", proposals);
        return "minutes-results";
    }
}
