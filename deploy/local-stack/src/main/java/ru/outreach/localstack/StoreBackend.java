package ru.outreach.localstack;

import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 file backend, made durable per write, plus the {@code hello} command that MongoDB 4.4+ answers and
 * mongo-java-server does not.
 * <p>
 * Durability: H2's MVStore writes its changes to the file once a second on its own, so a write answered less than a
 * second before a {@code kill -9} was lost. With {@link Durability#WRITE} every command that changes data commits the
 * store (writes the change to the file) before the answer leaves, so an acknowledged write survives the death of the
 * process. The file is not forced to the disk on each write (no fsync): a power cut can still lose the last second;
 * that is the promise of a local store, production uses a MongoDB replica set with {@code w: majority}.
 * <p>
 * Spring Boot's MongoDB health indicator sends {@code hello}; without it every service would stay DOWN on the
 * embedded store. The answer is that of {@code isMaster} with the newer field name added.
 */
final class StoreBackend extends H2Backend {

    /** When a change reaches the file. */
    enum Durability {
        /** Before the write is answered. */
        WRITE,
        /** Within a second, by MVStore's own background writer (faster, loses the last second on a crash). */
        INTERVAL
    }

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "dropindexes", "drop", "dropdatabase", "renamecollection");

    private final Durability durability;

    StoreBackend(String fileName, Durability durability) {
        super(fileName);
        this.durability = durability;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (command.equalsIgnoreCase("hello")) {
            Document response = super.handleCommand(channel, databaseName, "isMaster", query);
            response.put("isWritablePrimary", Boolean.TRUE);
            return response;
        }
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            // also after a failed write: part of an unordered bulk may have been applied and answered
            if (durability == Durability.WRITE && WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                commit();
            }
        }
    }
}
