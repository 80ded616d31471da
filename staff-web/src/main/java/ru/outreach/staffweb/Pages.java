package ru.outreach.staffweb;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The start page: who is signed in, his duties and links to his work; the page after signing out. */
@Controller
public class Pages {

    /** A link to a page of the person's work. */
    public record Link(String href, String title) {
    }

    private final StaffWebProperties properties;

    Pages(StaffWebProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal OidcUser user, Model model) {
        List<String> duties = duties(user);
        List<Link> links = new java.util.ArrayList<>();
        if (duties.contains("secretary")) {
            links.add(new Link("/meetings", "Встречи группы"));
            links.add(new Link("/meetings/calendar", "Календарь встреч квартала"));
            links.add(new Link("/meetings/new", "Запланировать встречу"));
        }
        if (duties.contains("general-department")) {
            links.add(new Link("/registration-queue", "Очередь регистрации"));
            links.add(new Link("/appeals", "Обращения"));
        }
        if (duties.contains("executor")) {
            links.add(new Link("/instructions", "Поручения отдела"));
            links.add(new Link("/department-appeals", "Обращения отдела"));
        }
        if (duties.contains("controller")) {
            links.add(new Link("/control", "Контроль поручений"));
            links.add(new Link("/minutes", "Протоколы"));
        }
        if (duties.contains("pd-officer")) {
            links.add(new Link("/audit", "Журнал доступа к персональным данным"));
        }
        if (duties.contains("head") && properties.reportingUrl() != null) {
            model.addAttribute("dashboard", properties.reportingUrl().replaceAll("/+$", "") + "/");
        }
        model.addAttribute("duties", duties.stream().filter(Russian.DUTIES::containsKey).map(Russian::duty).toList());
        model.addAttribute("links", links);
        model.addAttribute("group", user.getClaimAsString("outreach_group"));
        model.addAttribute("department", user.getClaimAsString("outreach_department"));
        return "home";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }

    static List<String> duties(OidcUser user) {
        List<String> duties = user.getClaimAsStringList("duties");
        return duties == null ? List.of() : duties;
    }

    /** The signed-in person's name on every page. */
    @ControllerAdvice
    static class Person {
        @ModelAttribute("personName")
        String personName(@AuthenticationPrincipal OidcUser user) {
            if (user == null) {
                return null;
            }
            String name = user.getClaimAsString("name");
            return name != null ? name : user.getClaimAsString("preferred_username");
        }
    }
}
