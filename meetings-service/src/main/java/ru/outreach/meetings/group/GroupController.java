package ru.outreach.meetings.group;

import java.net.URI;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import ru.outreach.kit.idempotency.IdempotencyKey;
import ru.outreach.kit.security.Actor;
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
    @Operation(summary = "Register an information group",
            description = "With an Idempotency-Key, a retry registers nothing and answers the group registered first.")
    ResponseEntity<GroupResponse> register(@Valid @RequestBody GroupDetails details, IdempotencyKey key) {
        Group group = groups.register(details, key);
        return ResponseEntity.created(URI.create("/api/groups/" + group.id())).body(GroupResponse.of(group));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a group: name, people, territories, usual invitees")
    GroupResponse change(@PathVariable String id, @Valid @RequestBody GroupDetails details) {
        return GroupResponse.of(groups.change(id, details));
    }

    @GetMapping("/{id}")
    @Operation(summary = "The information group: leader, secretary, members, territories",
            description = "A secretary sees only his own group; another group is not found (404).")
    GroupResponse get(@PathVariable String id, Actor actor) {
        return GroupResponse.of(groups.get(id, groups.scope(actor)));
    }

    @GetMapping
    @Operation(summary = "List groups, optionally those working a territory",
            description = "A secretary's list holds only his own group.")
    PageResponse<GroupResponse> list(@RequestParam(required = false) String territory, Actor actor,
                                     @PageableDefault(size = 20, sort = "details.name") Pageable pageable) {
        return PageResponse.of(groups.list(territory, groups.scope(actor), pageable), GroupResponse::of);
    }

    record GroupResponse(String id, long version, GroupDetails details) {
        static GroupResponse of(Group group) {
            return new GroupResponse(group.id(), group.version(), group.details());
        }
    }
}
