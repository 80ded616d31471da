package ru.outreach.meetings.group;

/**
 * Which information groups' meetings and minutes an actor sees and works on (README "Who may do what"). The control
 * department, the general department and the administrator see every group; a secretary sees and works on only the
 * group whose name his token's {@code outreach_group} gives; nobody else sees any. Another group's record is answered
 * as not found to whoever does not see it, and refused (403) to whoever sees it but does not work on it.
 *
 * @param everyGroup  sees the records of every group
 * @param ownGroupId  the id of the group the actor is the secretary of; null when none
 */
public record Scope(boolean everyGroup, String ownGroupId) {

    /** May read the records of this group. */
    public boolean sees(String groupId) {
        return everyGroup || works(groupId);
    }

    /** Is the secretary of this group: plans and holds its meetings, records its minutes. */
    public boolean works(String groupId) {
        return ownGroupId != null && ownGroupId.equals(groupId);
    }

    /** Whether a list of {@code requested} (null: every group) can show anything to the actor. */
    public boolean seesAnyOf(String requested) {
        return everyGroup || ownGroupId != null && (requested == null || requested.equals(ownGroupId));
    }

    /** The group a list is narrowed to: the one asked for, or the actor's own when he sees only that one. */
    public String narrow(String requested) {
        return everyGroup ? requested : ownGroupId;
    }

    /**
     * Refuses a secretary's step on a record of {@code groupId}: 404 (as {@code notFoundCode} with {@code id}) to
     * whoever does not see it, 403 to whoever sees it but is not its group's secretary.
     */
    public void requireWorks(String groupId, String notFoundCode, Object id) {
        requireSees(groupId, notFoundCode, id);
        if (!works(groupId)) {
            throw new NotOwnGroupException();
        }
    }

    /** 404 (as {@code notFoundCode} with {@code id}) unless the actor sees the records of {@code groupId}. */
    public void requireSees(String groupId, String notFoundCode, Object id) {
        if (!sees(groupId)) {
            throw new ru.outreach.kit.support.NotFoundException(notFoundCode, id);
        }
    }
}
