package ru.outreach.kit.security;

/**
 * The duties of the administration's staff, as the identity provider names them in {@code realm_access.roles}; each
 * becomes an authority of the same name ({@code @PreAuthorize("hasAuthority('secretary')")}).
 */
public final class Duties {

    /** Secretary of an information group: meetings, minutes, the territory brief. */
    public static final String SECRETARY = "secretary";
    /** The general department: registers and answers appeals. */
    public static final String GENERAL_DEPARTMENT = "general-department";
    /** An executor (a department): accepts and reports on instructions. */
    public static final String EXECUTOR = "executor";
    /** The control department: receives minutes, issues, closes and returns instructions, watches deadlines. */
    public static final String CONTROLLER = "controller";
    /** The head of administration: reads the analysis. */
    public static final String HEAD = "head";
    /** The system's administrator: groups, the classifier, rebuilds. */
    public static final String ADMINISTRATOR = "administrator";
    /** The personal-data officer. */
    public static final String PD_OFFICER = "pd-officer";
    /** The meetings service's own account, asking the appeals service for a territory's open problems. */
    public static final String TERRITORY_BRIEF = "territory-brief";

    private Duties() {
    }
}
