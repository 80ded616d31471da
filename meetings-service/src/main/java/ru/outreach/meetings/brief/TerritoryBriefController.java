package ru.outreach.meetings.brief;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ru.outreach.meetings.meeting.MeetingService;

@RestController
@Tag(name = "Territory brief", description = "Сведения о проблемах территории (п. 3.6.1 Положения)")
class TerritoryBriefController {

    private final TerritoryBriefService briefs;
    private final MeetingService meetings;

    TerritoryBriefController(TerritoryBriefService briefs, MeetingService meetings) {
        this.briefs = briefs;
        this.meetings = meetings;
    }

    @GetMapping("/api/meetings/{meetingId}/brief")
    @Operation(summary = "The open problems of the meeting's territory: open appeals by category, open and overdue instructions")
    TerritoryBrief forMeeting(@PathVariable String meetingId) {
        return briefs.brief(meetings.get(meetingId).territory());
    }

    @GetMapping("/api/territories/{territory}/brief")
    @Operation(summary = "The open problems of a territory, from the appeals service; stale or unavailable when it is down")
    TerritoryBrief forTerritory(@PathVariable String territory) {
        return briefs.brief(territory);
    }
}
