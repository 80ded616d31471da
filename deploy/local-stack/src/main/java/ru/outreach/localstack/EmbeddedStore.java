package ru.outreach.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;

/**
 * A MongoDB-compatible server (mongo-java-server) that keeps its data in one H2 MVStore file, so that the product
 * runs locally without MongoDB and its data survives a restart. For local use only: production uses a MongoDB
 * replica set. It has no multi-document transactions and no {@code ServerApi}; it answers {@code hello} (see
 * {@link StoreBackend}) so that Spring Boot's health check works.
 *
 * <pre>
 * java -cp ... ru.outreach.localstack.EmbeddedStore --port 27017 --file .local/store/store.mv [--host 127.0.0.1]
 *     [--durability write|interval]
 * </pre>
 *
 * The same settings can be given as system properties {@code store.host}, {@code store.port}, {@code store.file},
 * {@code store.durability}; arguments win. Durability {@code write} (the default) answers a write only once it is in
 * the file, so it survives {@code kill -9}; {@code interval} leaves it to H2's writer, once a second
 * ({@link StoreBackend}).
 */
public final class EmbeddedStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path file;
    private boolean closed;

    private EmbeddedStore(MongoServer server, InetSocketAddress address, Path file) {
        this.server = server;
        this.address = address;
        this.file = file;
    }

    /** Opens (or creates) the data file and listens on host:port; port 0 picks a free port; durable per write. */
    public static EmbeddedStore start(String host, int port, Path file) {
        return start(host, port, file, StoreBackend.Durability.WRITE);
    }

    static EmbeddedStore start(String host, int port, Path file, StoreBackend.Durability durability) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder of " + absolute, e);
        }
        MongoServer server = new MongoServer(new StoreBackend(absolute.toString(), durability));
        server.bind(host, port); // on failure it closes the backend, which releases the file
        return new EmbeddedStore(server, server.getLocalAddress(), absolute);
    }

    public InetSocketAddress address() {
        return address;
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public Path file() {
        return file;
    }

    /** Closes client connections, then the backend, which writes what is not yet on disk and closes the file. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdownNow();
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = Options.parse(args);
        EmbeddedStore store = start(options.host(), options.port(), options.file(), options.durability());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the embedded store");
            store.close();
            stopped.countDown();
        }, "embedded-store-shutdown"));
        log.info("Embedded store ready on {} (data in {}, durability {})", store.connectionString(), store.file(),
                options.durability().name().toLowerCase(Locale.ROOT));
        stopped.await();
    }

    record Options(String host, int port, Path file, StoreBackend.Durability durability) {

        static Options parse(String[] args) {
            String host = System.getProperty("store.host", "127.0.0.1");
            String port = System.getProperty("store.port", "27017");
            String file = System.getProperty("store.file", ".local/store/store.mv");
            String durability = System.getProperty("store.durability", "write");
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw usage("missing value for " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--host" -> host = value;
                    case "--port" -> port = value;
                    case "--file" -> file = value;
                    case "--durability" -> durability = value;
                    default -> throw usage("unknown option " + name);
                }
            }
            StoreBackend.Durability mode = switch (durability.toLowerCase(Locale.ROOT)) {
                case "write" -> StoreBackend.Durability.WRITE;
                case "interval" -> StoreBackend.Durability.INTERVAL;
                default -> throw usage("durability is write or interval, not " + durability);
            };
            try {
                return new Options(host, Integer.parseInt(port), Path.of(file), mode);
            } catch (NumberFormatException e) {
                throw usage("not a port: " + port);
            }
        }

        private static IllegalArgumentException usage(String problem) {
            return new IllegalArgumentException(
                problem + "; usage: EmbeddedStore [--host 127.0.0.1] [--port 27017] [--file .local/store/store.mv]"
                    + " [--durability write|interval]");
        }
    }
}
