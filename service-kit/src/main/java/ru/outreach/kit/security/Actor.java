package ru.outreach.kit.security;

import java.util.Set;

/**
 * The person (or service account) a request acts for, as the access token names it.
 *
 * @param username   the sign-in name ({@code preferred_username}), e.g. {@code secretary1}
 * @param fullName   the full name ({@code name}), or the username when the token has none
 * @param duties     the duties ({@code realm_access.roles}), see {@link Duties}
 * @param group      the information group a secretary works for ({@code outreach_group}), or null
 * @param department the department an executor works in ({@code outreach_department}), or null
 */
public record Actor(String username, String fullName, Set<String> duties, String group, String department) {

    public Actor {
        duties = Set.copyOf(duties);
    }

    public boolean has(String duty) {
        return duties.contains(duty);
    }
}
