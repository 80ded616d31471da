package ru.outreach.meetings.group;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import ru.outreach.kit.support.PageResponse;

@RestController
@RequestMapping("/api/groups")
@Tag(name = "Information groups", description = "Информационные группы")
class GroupController {

    private final GroupService groups;

    GroupController(GroupService groups) {
        this.groups = groups;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an information group")
    GroupResponse register(@Valid @RequestBody GroupDetails details) {
        return GroupResponse.of(groups.register(details));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a group: name, people, territories, usual invitees")
    GroupResponse change(@PathVariable String id, @Valid @RequestBody GroupDetails details) {
        return GroupResponse.of(groups.change(id, details));
    }

    @GetMapping("/{id}")
    @Operation(summary = "The information group: leader, secretary, members, territories")
    GroupResponse get(@PathVariable String id) {
        return GroupResponse.of(groups.get(id));
    }

    @GetMapping
    @Operation(summary = "List groups, optionally those working a territory")
    PageResponse<GroupResponse> list(@RequestParam(required = false) String territory,
                                     @PageableDefault(size = 20, sort = "details.name") Pageable pageable) {
        return PageResponse.of(groups.list(territory, pageable), GroupResponse::of);
    }

    record GroupResponse(String id, long version, GroupDetails details) {
        static GroupResponse of(Group group) {
            return new GroupResponse(group.id(), group.version(), group.details());
        }
    }
}
