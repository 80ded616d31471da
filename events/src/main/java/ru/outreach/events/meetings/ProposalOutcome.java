package ru.outreach.events.meetings;

/** How a proposal from the minutes was decided. */
public enum ProposalOutcome {
    ACCEPTED, REJECTED, INCLUDED_IN_PLAN;

    /** Accepted, or included in a plan: counts as a proposal taken up. */
    public boolean isTakenUp() {
        return this != REJECTED;
    }
}
