package ru.outreach.localstack;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 file backend, plus the {@code hello} command that MongoDB 4.4+ answers and mongo-java-server does not.
 * Spring Boot's MongoDB health indicator sends {@code hello}; without it every service would stay DOWN on the
 * embedded store. The answer is that of {@code isMaster} with the newer field name added.
 */
final class StoreBackend extends H2Backend {

    StoreBackend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (command.equalsIgnoreCase("hello")) {
            Document response = super.handleCommand(channel, databaseName, "isMaster", query);
            response.put("isWritablePrimary", Boolean.TRUE);
            return response;
        }
        return super.handleCommand(channel, databaseName, command, query);
    }
}
