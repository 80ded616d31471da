package ru.outreach.appeals.staff;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import ru.outreach.kit.security.Actor;

/**
 * Who did a step: the signed-in person's full name and username as the token names them, and the department he acts
 * for. Only the name and the username are recorded; the department serves to recognise a colleague of the same
 * department (the control department deciding on its instruction). Steps taken from the minutes of a meeting have no
 * signed-in person: {@link #named} keeps what the minutes say.
 *
 * @param name       the full name, as recorded
 * @param username   the sign-in name, or null for a name taken from a document
 * @param department the department he acts for, or null
 */
public record By(String name, String username, String department) {

    /** The person the request's token names. */
    public static By of(Actor actor) {
        return new By(actor.fullName(), actor.username(), actor.department());
    }

    /** A name taken from a document (the minutes), with no signed-in person behind it. */
    public static By named(String name) {
        return new By(name, null, null);
    }

    /** True if {@code text} names this person: his full name, his username or his department (case and spaces aside). */
    public boolean isNamedBy(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String named = normal(text);
        return Stream.of(name, username, department).filter(Objects::nonNull).map(By::normal)
                .anyMatch(named::equals);
    }

    static String normal(String text) {
        return text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
