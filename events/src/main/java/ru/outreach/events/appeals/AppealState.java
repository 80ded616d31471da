package ru.outreach.events.appeals;

import java.util.Set;

/** Where a citizen's appeal stands (59-FZ). */
public enum AppealState {
    /** Received (at a meeting) and waiting in the general department's registration queue. */
    RECEIVED,
    REGISTERED, ASSIGNED, ANSWERED, CLOSED, REDIRECTED, LEFT_WITHOUT_ANSWER;

    /** States in which the administration still owes a step. */
    public static final Set<AppealState> OPEN = Set.of(RECEIVED, REGISTERED, ASSIGNED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
