package ru.outreach.meetings.group;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a secretary enters about a group; the body of both registering and changing it. {@code formedOn}, the day the
 * group was formed (from which the quarterly rule applies), is today when a group is registered without it and stays
 * as it was when a group is changed without it; groups registered before it was kept have none (unknown).
 */
public record GroupDetails(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Valid Person leader,
        @NotNull @Valid Person secretary,
        List<@NotNull @Valid Person> members,
        @NotEmpty List<@NotBlank @Size(max = 200) String> territories,
        List<@NotBlank @Size(max = 200) String> invitedOrganisations,
        LocalDate formedOn) {

    public GroupDetails {
        name = name == null ? null : name.strip();
        members = members == null ? List.of() : List.copyOf(members);
        territories = territories == null ? List.of() : territories.stream().map(String::strip).distinct().toList();
        invitedOrganisations = invitedOrganisations == null ? List.of() : List.copyOf(invitedOrganisations);
    }

    /** The same details with the given formation day. */
    GroupDetails withFormedOn(LocalDate day) {
        return new GroupDetails(name, leader, secretary, members, territories, invitedOrganisations, day);
    }
}
