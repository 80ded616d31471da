package ru.outreach.reporting.projection;

import java.util.List;

/** A fact document of one entity: its state as the reports need it, its version(s), and its pure cell contribution. */
interface Facts {

    String id();

    List<PendingCell> pending();

    Facts withPending(List<PendingCell> pending);

    /** What this entity adds to the cells in its current state: a pure function of the facts. */
    Cells cells();
}
