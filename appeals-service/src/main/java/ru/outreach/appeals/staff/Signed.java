package ru.outreach.appeals.staff;

import ru.outreach.kit.security.Actor;
import ru.outreach.kit.support.RuleViolationException;

/**
 * Who did a step comes from the token, never from the body. A body may still name him (older clients do): his full
 * name, username or department is accepted and changes nothing; a body that names someone else is refused with 422
 * naming the field.
 */
public final class Signed {

    private Signed() {
    }

    /** The signed-in person, after checking that the body's {@code field} (if given) names him. */
    public static By by(Actor actor, String field, String named) {
        By by = By.of(actor);
        if (named != null && !named.isBlank() && !by.isNamedBy(named)) {
            throw new RuleViolationException(field, "error.step-by-someone-else", named.trim(), actor.fullName());
        }
        return by;
    }

    /** The signed-in person, when the body names nobody. */
    public static By by(Actor actor) {
        return By.of(actor);
    }
}
