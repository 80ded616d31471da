package ru.outreach.meetings.group;

import ru.outreach.kit.security.Actor;

/**
 * A member of the administration's staff who did a step, as his access token names him; never taken from a body.
 *
 * @param username his sign-in name ({@code preferred_username})
 * @param fullName his full name ({@code name})
 */
public record Staff(String username, String fullName) {

    public static Staff of(Actor actor) {
        return new Staff(actor.username(), actor.fullName());
    }
}
