package ru.outreach.localstack;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * A store on a file of its own for tests that ask the same thing with the store's planner on and off
 * ({@link IndexedH2Collection#planner}) and compare the answers.
 */
abstract class PlannerComparison {

    @TempDir
    Path dir;

    EmbeddedStore store;
    MongoClient client;

    @BeforeEach
    void start() {
        store = EmbeddedStore.start("127.0.0.1", 0, dir.resolve("store.mv"));
        client = MongoClients.create(store.connectionString());
    }

    @AfterEach
    void stop() {
        IndexedH2Collection.planner = true;
        client.close();
        store.close();
    }

    /** What {@code action} answers with the planner on or off. */
    static <T> T with(boolean planner, Supplier<T> action) {
        boolean before = IndexedH2Collection.planner;
        IndexedH2Collection.planner = planner;
        try {
            return action.get();
        } finally {
            IndexedH2Collection.planner = before;
        }
    }
}
