package ru.outreach.meetings.brief;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ru.outreach.kit.security.Actor;
import ru.outreach.meetings.group.Group;
import ru.outreach.meetings.group.GroupService;
import ru.outreach.meetings.group.NotOwnGroupException;
import ru.outreach.meetings.group.Scope;
import ru.outreach.meetings.meeting.MeetingService;

@RestController
@Tag(name = "Territory brief", description = "Сведения о проблемах территории (п. 3.6.1 Положения)")
class TerritoryBriefController {

    private final TerritoryBriefService briefs;
    private final MeetingService meetings;
    private final GroupService groups;

    TerritoryBriefController(TerritoryBriefService briefs, MeetingService meetings, GroupService groups) {
        this.briefs = briefs;
        this.meetings = meetings;
        this.groups = groups;
    }

    @GetMapping("/api/meetings/{meetingId}/brief")
    @Operation(summary = "The open problems of the meeting's territory: open appeals by category, open and overdue instructions",
            description = "For the secretary of the meeting's group; another group's meeting is not found (404).")
    TerritoryBrief forMeeting(@PathVariable String meetingId, Actor actor) {
        return briefs.brief(meetings.own(meetingId, groups.scope(actor)).territory());
    }

    @GetMapping("/api/territories/{territory}/brief")
    @Operation(summary = "The open problems of a territory, from the appeals service; stale or unavailable when it is down",
            description = "Only a territory of the secretary's own group; another territory is refused (403).")
    TerritoryBrief forTerritory(@PathVariable String territory, Actor actor) {
        Scope scope = groups.scope(actor);
        Group own = scope.ownGroupId() == null ? null : groups.get(scope.ownGroupId());
        if (own == null || !own.works(territory)) {
            throw new NotOwnGroupException("error.territory-not-of-own-group", territory);
        }
        return briefs.brief(territory);
    }
}
