package ru.outreach.appeals.staff;

import ru.outreach.kit.security.Actor;
import ru.outreach.kit.security.Duties;

/**
 * What part of the records a signed-in person works on. The general department and the control department see every
 * appeal and instruction; an executor only those of his department ({@code outreach_department}): an instruction
 * whose executor or co-executor it is, an appeal assigned to it. What he may not see answers 404, as if it did not
 * exist, so that ids cannot be probed. An executor whose token names no department sees nothing.
 */
public final class Scope {

    private Scope() {
    }

    /** True if the actor sees every record: the general department, the control department. */
    public static boolean seesAll(Actor actor) {
        return actor.has(Duties.GENERAL_DEPARTMENT) || actor.has(Duties.CONTROLLER);
    }

    /** The department an executor is limited to; null when he sees all. Never null for a limited actor. */
    public static String limitedTo(Actor actor) {
        if (seesAll(actor)) {
            return null;
        }
        return actor.department() == null || actor.department().isBlank() ? "\u0000none" : actor.department().trim();
    }

    /** True if the department (as recorded) is the actor's own, case and spaces aside. */
    public static boolean sameDepartment(Actor actor, String department) {
        return actor.department() != null && department != null
                && By.normal(actor.department()).equals(By.normal(department));
    }
}
