package ru.outreach.meetings.quarterly;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import ru.outreach.meetings.quarterly.QuarterlyRuleService.GroupWithoutMeeting;
import ru.outreach.meetings.quarterly.QuarterlyRuleService.GroupYear;

@RestController
@RequestMapping("/api/quarterly-rule")
@Tag(name = "Quarterly rule", description = "Не реже одного раза в квартал (п. 3.1 Положения)")
class QuarterlyRuleController {

    private final QuarterlyRuleService rule;
    private final Clock clock;

    QuarterlyRuleController(QuarterlyRuleService rule, Clock clock) {
        this.rule = rule;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Per group and quarter of a year (default: this year): meetings held and whether the rule is met")
    List<GroupYear> year(@RequestParam(required = false) @Min(2000) @Max(2100) Integer year) {
        return rule.year(yearOrCurrent(year));
    }

    @GetMapping("/groups/{groupId}")
    @Operation(summary = "One group's quarters of a year (default: this year)")
    GroupYear group(@PathVariable String groupId,
                    @RequestParam(required = false) @Min(2000) @Max(2100) Integer year) {
        return rule.groupYear(groupId, yearOrCurrent(year));
    }

    @GetMapping("/current-quarter/groups-without-meetings")
    @Operation(summary = "Groups that have neither held nor planned a meeting in the current quarter")
    List<GroupWithoutMeeting> withoutMeetings() {
        return rule.withoutMeetingThisQuarter();
    }

    private int yearOrCurrent(Integer year) {
        return year != null ? year : LocalDate.now(clock).getYear();
    }
}
