package ru.outreach.staffweb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * The control department's «Протоколы»: the minutes of every group, the late ones (not handed over after their due
 * date) first, and «Принять протокол» behind a confirmation page; nothing is sent before «Да».
 */
@Controller
public class MinutesControlPages {

    static final int PAGE_SIZE = 50;
    static final Map<String, String> STATUSES = Map.of(
            "DRAFT", "Черновик",
            "SIGNED", "Подписан",
            "HANDED_OVER", "Принят");

    /** One minutes' line of the list; {@code printable}: signed, so the protocol prints. */
    public record Line(String meetingId, String groupId, String territory, String heldOn, String dueOn,
                       String status, boolean late, boolean receivable, String handedOverOn, boolean printable) {
    }

    private final Api meetings;

    MinutesControlPages(@Qualifier("meetingsApi") Api meetings) {
        this.meetings = meetings;
    }

    @GetMapping("/minutes")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        List<Line> late = new ArrayList<>();
        List<Line> others = new ArrayList<>();
        try {
            Set<String> lateIds = new HashSet<>();
            for (JsonNode m : Api.items(meetings.get(uri -> uri.path("/api/minutes").queryParam("overdue", true)
                    .queryParam("size", 200).build()))) {
                if (!m.path("overdue").asBoolean(true)) {
                    continue;
                }
                Line line = line(m, true);
                lateIds.add(line.meetingId());
                late.add(line);
            }
            JsonNode all = meetings.get(uri -> uri.path("/api/minutes").queryParam("page", Math.max(page, 0))
                    .queryParam("size", PAGE_SIZE).build());
            for (JsonNode m : Api.items(all)) {
                Line line = line(m, m.path("overdue").asBoolean(false));
                if (!lateIds.contains(line.meetingId())) {
                    others.add(line);
                }
            }
            int pages = all.path("totalPages").asInt(1);
            model.addAttribute("previousPage", page > 0 ? page - 1 : null);
            model.addAttribute("nextPage", page + 1 < pages ? page + 1 : null);
        } catch (Api.Refusal | Api.Unavailable e) {
            model.addAttribute("problem", e.getMessage());
        }
        model.addAttribute("late", late);
        model.addAttribute("others", others);
        model.addAttribute("today", Russian.today());
        return "minutes-control";
    }

    /** Without {@code confirmed=yes} only asks «Отметить протокол принятым? Это нельзя отменить.». */
    @PostMapping("/minutes/{id}/hand-over")
    String handOver(@PathVariable String id, @RequestParam(defaultValue = "") String handedOverOn,
                    @RequestParam(defaultValue = "") String confirmed, Model model, RedirectAttributes redirect) {
        LocalDate day = Russian.parseDate(handedOverOn);
        if (day == null) {
            redirect.addFlashAttribute("problem", "Дата получения протокола встречи " + id + ": "
                    + MeetingStepPages.DATE_FORMAT);
            return "redirect:/minutes";
        }
        if (!"yes".equals(confirmed)) {
            model.addAttribute("id", id);
            model.addAttribute("handedOverOn", day.format(Russian.DATE));
            try {
                JsonNode minutes = meetings.get("/api/meetings/{id}/minutes", id);
                model.addAttribute("line", line(minutes, minutes.path("overdue").asBoolean(false)));
            } catch (Api.Refusal | Api.Unavailable e) {
                model.addAttribute("problem", e.getMessage());
            }
            return "confirm-hand-over";
        }
        try {
            meetings.post(Map.of("handedOverOn", day.toString()), "/api/meetings/{id}/minutes/hand-over", id);
        } catch (Api.Refusal refusal) {
            String field = refusal.fields().get("handedOverOn");
            redirect.addFlashAttribute("problem", field == null ? refusal.getMessage()
                    : refusal.getMessage() + " " + field);
            return "redirect:/minutes";
        } catch (Api.Unavailable e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/minutes";
        }
        redirect.addFlashAttribute("done", "Протокол встречи " + id + " принят " + day.format(Russian.DATE) + ".");
        return "redirect:/minutes";
    }

    private static Line line(JsonNode m, boolean late) {
        String status = m.path("status").asString("");
        JsonNode handOver = m.path("handOver");
        return new Line(m.path("meetingId").asString(""), m.path("groupId").asString(""),
                m.path("territory").asString(""), Russian.date(m.path("heldOn").asString("")),
                Russian.date(m.path("dueOn").asString("")), STATUSES.getOrDefault(status, status), late,
                "SIGNED".equals(status),
                handOver.isObject() ? Russian.date(handOver.path("handedOverOn").asString("")) : "",
                !status.isEmpty() && !"DRAFT".equals(status));
    }
}
