package ru.outreach.testkit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The MongoDB-compatible store in memory, one per test JVM, on a free port of 127.0.0.1. */
public final class TestStore {

    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static final String CONNECTION = SERVER.bindAndGetConnectionString();

    private TestStore() {
    }

    /** A connection string for {@code database} on the shared test store. */
    public static String uri(String database) {
        return CONNECTION + "/" + database;
    }
}
