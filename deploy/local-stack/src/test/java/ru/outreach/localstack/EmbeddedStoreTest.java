package ru.outreach.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

class EmbeddedStoreTest {

    @TempDir
    Path dir;

    @Test
    void documentsSurviveARestart() {
        Path file = dir.resolve("data/store.mv");

        try (EmbeddedStore store = EmbeddedStore.start("127.0.0.1", 0, file);
             MongoClient client = MongoClients.create(store.connectionString())) {
            meetings(client).insertOne(new Document("_id", "m-1").append("territory", "North").append("version", 3));
        }

        try (EmbeddedStore store = EmbeddedStore.start("127.0.0.1", 0, file);
             MongoClient client = MongoClients.create(store.connectionString())) {
            Document found = meetings(client).find(Filters.eq("_id", "m-1")).first();
            assertNotNull(found, "the document written before the restart");
            assertEquals("North", found.getString("territory"));
            assertEquals(3, found.getInteger("version"));
        }
    }

    @Test
    void answersHelloLikeMongoDb() { // Spring Boot's health check sends it
        try (EmbeddedStore store = EmbeddedStore.start("127.0.0.1", 0, dir.resolve("store.mv"));
             MongoClient client = MongoClients.create(store.connectionString())) {
            Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
            assertEquals(true, hello.getBoolean("isWritablePrimary"));
            assertNotNull(hello.get("maxWireVersion"));
        }
    }

    @Test
    void readsOptionsFromArguments() {
        EmbeddedStore.Options options =
            EmbeddedStore.Options.parse(new String[] {"--port", "27018", "--file", "x/store.mv"});
        assertEquals("127.0.0.1", options.host());
        assertEquals(27018, options.port());
        assertEquals(Path.of("x/store.mv"), options.file());
    }

    private static MongoCollection<Document> meetings(MongoClient client) {
        return client.getDatabase("meetings").getCollection("meetings");
    }
}
