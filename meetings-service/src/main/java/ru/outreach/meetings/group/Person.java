package ru.outreach.meetings.group;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A member of a group: an official of the administration, named with his or her position. */
public record Person(@NotBlank @Size(max = 200) String fullName, @Size(max = 200) String position) {
}
