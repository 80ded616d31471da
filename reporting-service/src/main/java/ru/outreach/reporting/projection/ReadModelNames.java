package ru.outreach.reporting.projection;

import java.util.ArrayList;
import java.util.List;

/**
 * The collection names of one copy of the read models: the live copy that the reports read (no prefix), or the copy a
 * rebuild fills ({@link #REBUILD}) and then swaps in by renaming each of its collections to the live name.
 */
public record ReadModelNames(String prefix) {

    public static final ReadModelNames LIVE = new ReadModelNames("");
    public static final ReadModelNames REBUILD = new ReadModelNames("rebuild_");

    /** The collection of a kind of facts ({@link Kinds#FACTS}). */
    public String facts(String collection) {
        return prefix + collection;
    }

    /** The collection of a kind of cells ({@link Kinds#CELLS}). */
    public String cells(String kind) {
        return prefix + Kinds.collection(kind);
    }

    public String categories() {
        return prefix + Kinds.CATEGORIES;
    }

    /** Every collection of the read models, as named in the live copy. */
    public static List<String> liveCollections() {
        List<String> all = new ArrayList<>(Kinds.FACTS);
        Kinds.CELLS.forEach(kind -> all.add(Kinds.collection(kind)));
        all.add(Kinds.CATEGORIES);
        return all;
    }

    /** This copy's name of a live collection. */
    public String of(String liveCollection) {
        return prefix + liveCollection;
    }
}
