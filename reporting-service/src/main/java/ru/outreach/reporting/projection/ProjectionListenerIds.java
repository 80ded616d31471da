package ru.outreach.reporting.projection;

/** Ids of the listener containers. */
public final class ProjectionListenerIds {

    /** The live listener of the three topics: started by the rebuild service at start-up, stopped during a rebuild. */
    public static final String LIVE = "reporting-live";

    private ProjectionListenerIds() {
    }
}
