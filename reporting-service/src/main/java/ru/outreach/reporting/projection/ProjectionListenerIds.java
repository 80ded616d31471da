package ru.outreach.reporting.projection;

/** Ids of the listener containers. */
public final class ProjectionListenerIds {

    /** The live listener of the three topics; a rebuild stops it and starts it again. */
    public static final String LIVE = "reporting-live";

    private ProjectionListenerIds() {
    }
}
