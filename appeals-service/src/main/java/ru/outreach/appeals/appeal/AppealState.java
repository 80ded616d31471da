package ru.outreach.appeals.appeal;

import java.util.Set;

public enum AppealState {
    REGISTERED, ASSIGNED, ANSWERED, CLOSED, REDIRECTED, LEFT_WITHOUT_ANSWER;

    /** States in which the administration still owes a step. */
    static final Set<AppealState> OPEN = Set.of(REGISTERED, ASSIGNED);

    boolean isOpen() {
        return OPEN.contains(this);
    }
}
