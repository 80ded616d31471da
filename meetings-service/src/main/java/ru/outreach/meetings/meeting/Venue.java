package ru.outreach.meetings.meeting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Where a meeting takes place; regulation 3.2 prefers schools and culture buildings. */
public record Venue(@NotBlank @Size(max = 300) String name, @Size(max = 300) String address, @NotNull Kind kind) {

    public enum Kind { SCHOOL, CULTURE, OTHER }
}
