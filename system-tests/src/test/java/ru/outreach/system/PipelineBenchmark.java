package ru.outreach.system;

import static org.awaitility.Awaitility.await;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.outreach.system.Http.ADMINISTRATOR;
import static ru.outreach.system.Http.ok;
import static ru.outreach.system.Http.post;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;

import ru.outreach.system.MixedLoad.Answer;
import ru.outreach.testkit.TestTokens;
import ru.outreach.testkit.TestTokens.Person;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11, the pipeline benchmark (not a test): starts the Kafka broker, the embedded store and the three services as
 * processes, as {@code ./run.sh} does ({@link FaultStack#startAsRunShDoes}), and prints one table:
 * <ol>
 * <li>the raw limits of the parts on this machine: the store's single-document insert rate and guarded-update rate
 * (filtered by {@code _id} and {@code version}), both on a collection with the appeals' own indexes and documents
 * shaped like the appeals-service's own; Kafka's produce rate (acknowledged idempotent records per second, one async
 * producer); a trivial HTTP call's rate ({@code GET /api/categories}: a token checked, no store work);</li>
 * <li>end to end: appeals accepted per second over {@code bench.connections} connections (with secretaries signing
 * minutes that carry reception cards meanwhile), the rate at which the reporting service has counted them, and p50/p99
 * from the HTTP answer to the figure in the report, at the maximum rate and at half of it;</li>
 * <li>the same with the store already holding each of {@code bench.sizes} appeals (loaded in bulk with the MongoDB
 * driver, clones of documents the appeals-service itself stored): the guarded-update rate, the intake rate, the
 * executors' and the general department's lists p50/p99;</li>
 * <li>the memory of each process, and each figure's ratio to its raw limit.</li>
 * </ol>
 * The latency to the report: each run tags its appeals with a territory of its own; every 100 ms the reporting
 * service's report 2 is read and the count of that territory noted; the k-th appeal acknowledged is taken as counted
 * when the count first reaches k (at the moment the report's answer arrived).
 * <p>
 * Run with {@code ./bench.sh pipeline}; {@code -Dbench.sizes=10000,100000,1000000}, {@code -Dbench.seconds} (per
 * measured run), {@code -Dbench.connections}, {@code -Dbench.queries}, {@code -Dbench.secretaries}. The table also
 * goes to {@code system-tests/target/pipeline-benchmark.txt}.
 */
@Tag("benchmark")
class PipelineBenchmark {

    private static final Path DIR = Path.of("target", "system-tests", "pipeline");
    private static final Path REPORT = Path.of("target", "pipeline-benchmark.txt");
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 16);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int QUERIES = Integer.getInteger("bench.queries", 100);
    private static final int SECRETARIES = Integer.getInteger("bench.secretaries", 2);
    private static final List<Integer> SIZES = Arrays.stream(System.getProperty("bench.sizes", "10000,100000")
            .split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Integer::parseInt).sorted().toList();
    private static final Duration LOAD_BOUND = Duration.ofSeconds(Long.getLong("bench.loadSeconds", 600));
    private static final Duration LIST_BOUND = Duration.ofSeconds(Long.getLong("bench.listSeconds", 30));
    private static final Duration CATCH_UP_BOUND = Duration.ofSeconds(Long.getLong("bench.catchUpSeconds", 60));

    private static final Person CLERK = Http.GENERAL_DEPARTMENT;
    private static final Person EXECUTOR = Http.EXECUTOR;
    private static final String EXECUTOR_DEPARTMENT = "Управление ЖКХ";
    private static final List<String> DEPARTMENTS = List.of(EXECUTOR_DEPARTMENT, "Отдел дорожного хозяйства",
            "Отдел благоустройства", "Отдел транспорта", "Отдел образования", "Отдел культуры",
            "Отдел социальной защиты", "Отдел архитектуры", "Отдел экологии", "Отдел торговли");
    private static final List<String> DATE_FIELDS = List.of("receivedOn", "registeredOn", "registrationDueOn",
            "answerDueOn", "redirectDueOn");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Table table = new Table();
    private final AtomicLong sequence = new AtomicLong();
    private FaultStack stack;
    private LocalDate today;
    private int runs;

    @Test
    @Timeout(value = 90, unit = TimeUnit.MINUTES)
    void pipeline() throws Exception {
        long started = System.nanoTime();
        String text;
        try (FaultStack stack = FaultStack.startAsRunShDoes(DIR);
             MongoClient mongo = mongo(stack.store.address())) {
            this.stack = stack;
            this.today = stack.today();
            table.note("stack started as processes in %.0f s (%d cores; services -Xmx512m as ./run.sh; store"
                    + " durability write)", seconds(started), Runtime.getRuntime().availableProcessors());
            table.note("%d connections, %d s per measured run, %d queries per list, sizes %s; load average %s (other"
                    + " work on the machine skews every figure)", CONNECTIONS, SECONDS, QUERIES, SIZES, loadAverage());
            List<Document> templates = templates(mongo);
            rawLimits(mongo, templates);
            endToEnd();
            storedSizes(mongo, templates);
            memory("at the end");
            targets();
        } finally {
            table.note("whole run: %.0f s; load average at the end %s", seconds(started), loadAverage());
            text = table.render();
            System.out.println(text);
            Files.createDirectories(REPORT.toAbsolutePath().getParent());
            Files.writeString(REPORT, text, StandardCharsets.UTF_8);
        }
        assertThat(table.value("store: single-document inserts/s")).isPositive();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What the appeals-service stores: a few appeals made over HTTP (registered, assigned, answered), read back

    private List<Document> templates(MongoClient mongo) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Answer created = postAppeal("Шаблон", i);
            if (created.status() != 201) {
                throw new IllegalStateException("Cannot register a template appeal: " + created);
            }
            ids.add(created.body().path("id").asString());
        }
        String api = stack.appeals.url() + "/api/appeals/";
        for (int i = 1; i < 4; i++) {
            ok(post(CLERK, api + ids.get(i) + "/assignment",
                    Map.of("executorDepartment", EXECUTOR_DEPARTMENT, "assignedOn", today.toString())));
        }
        ok(post(CLERK, api + ids.get(3) + "/answer", Map.of("text", "Ответ дан по существу",
                "answeredOn", today.toString())));
        MongoCollection<Document> appeals = mongo.getDatabase("appeals").getCollection("appeals");
        List<Document> templates = new ArrayList<>();
        for (String id : ids) {
            // the relay empties the outbox right after the write; the clones carry none anyway
            Document document = await("the outbox of appeal " + id + " published").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> appeals.find(Filters.eq("_id", id)).first(), found -> found == null
                            || found.getList("outbox", Object.class, List.of()).isEmpty());
            if (document == null) {
                throw new IllegalStateException("Appeal " + id + " is not in appeals.appeals");
            }
            document.remove("outbox");
            templates.add(document);
        }
        String shape = templates.getLast().toJson();
        table.note("a stored appeal (the clones' shape, %d bytes as JSON): %s", shape.length(),
                shape.length() > 600 ? shape.substring(0, 600) + "…" : shape);
        return templates;
    }

    /** A clone of one of the templates: its own id, territory, category, department, days and citizen key. */
    private Document clone(List<Document> templates, String id, int i) {
        Document template = templates.get(templateOf(i));
        Document copy = new Document(template);
        copy.put("_id", id);
        copy.put("territory", "Территория " + i % 40);
        copy.put("category", i % 2 == 0 ? "HOUSING" : "ROADS");
        int back = i % 300;
        for (String field : DATE_FIELDS) {
            Object value = copy.get(field);
            if (value instanceof String day) {
                try {
                    copy.put(field, LocalDate.parse(day).minusDays(back).toString());
                } catch (DateTimeParseException notADay) {
                    // left as it is
                }
            }
        }
        if (copy.get("assignment") instanceof Document assignment) {
            Document changed = new Document(assignment);
            changed.put("executorDepartment", DEPARTMENTS.get(i % DEPARTMENTS.size()));
            copy.put("assignment", changed);
        }
        if (copy.get("citizenKey") instanceof String key) {
            copy.put("citizenKey", digest(id, key.length()));
        }
        return copy;
    }

    /** 40 % registered, 40 % assigned, 20 % answered. */
    private static int templateOf(int i) {
        return i % 5 < 2 ? 0 : i % 5 < 4 ? 1 + i % 2 : 3;
    }

    /** The versions of clones {@code 0..count-1} as loaded. */
    private static long[] versions(List<Document> templates, int count) {
        long[] byTemplate = templates.stream().mapToLong(t -> t.get("version") instanceof Number n ? n.longValue() : 0)
                .toArray();
        long[] versions = new long[count];
        for (int i = 0; i < count; i++) {
            versions[i] = byTemplate[templateOf(i)];
        }
        return versions;
    }

    private static String digest(String text, int length) {
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
            return length <= hex.length() ? hex.substring(0, Math.max(1, length)) : hex;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 1. Raw limits

    private double rawInserts;
    private double rawUpdates;
    private double rawAndUpdates;
    private List<Long> rawFinds;
    private double kafkaRate;
    private double httpRate;
    private List<Long> httpSequential;

    private void rawLimits(MongoClient mongo, List<Document> templates) throws Exception {
        table.section("1. Raw limits of the parts (" + CONNECTIONS + " clients each unless said)");
        MongoCollection<Document> raw = mongo.getDatabase("pipebench").getCollection("appeals");
        raw.drop();
        // the appeals' own indexes, so that an insert costs what the appeals-service's costs
        for (Document index : mongo.getDatabase("appeals").getCollection("appeals").listIndexes()) {
            if (!"_id_".equals(index.getString("name"))) {
                raw.createIndex(index.get("key", Document.class), new IndexOptions().name(index.getString("name")));
            }
        }
        AtomicLong inserted = new AtomicLong();
        double insertSeconds = forSeconds(SECONDS, CONNECTIONS, worker -> {
            long n = inserted.getAndIncrement();
            raw.insertOne(clone(templates, "raw-" + n, (int) n));
            return true;
        });
        rawInserts = inserted.get() / insertSeconds;
        table.row("store: single-document inserts/s", rawInserts, "/s", "appeal-shaped, appeals' indexes");

        int count = (int) inserted.get();
        long[] versions = versions(templates, count);
        rawUpdates = guardedUpdates(raw, count, i -> "raw-" + i, versions, true, CONNECTIONS);
        table.row("store: guarded updates/s (_id + version)", rawUpdates, "/s", "on the " + count + " inserted,"
                + " filter {_id: …, version: …}");
        rawAndUpdates = guardedUpdates(raw, count, i -> "raw-" + i, versions, false, 1);
        table.row("store: guarded updates/s, AggregateStore's filter, 1 client", rawAndUpdates, "/s",
                "and(eq(_id), eq(version)), rendered as $and, as service-kit's AggregateStore sends it");

        rawFinds = findsById(raw, count, i -> "raw-" + i);
        table.row("store: find by _id p50, 1 client", percentile(rawFinds, 50) / 1e6, "ms",
                "p99 " + ms(percentile(rawFinds, 99)) + " (" + rawFinds.size() + " finds)");

        kafkaRate = kafkaProduceRate();
        table.row("kafka: acknowledged records/s (1 async producer)", kafkaRate, "/s",
                "idempotent, acks=all, 700 B");

        String trivial = stack.appeals.url() + "/api/categories";
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong calls = new AtomicLong();
        double httpSeconds = forSeconds(SECONDS, CONNECTIONS, worker -> {
            long start = System.nanoTime();
            Answer answer = send("GET", trivial, CLERK, null);
            latencies.add(System.nanoTime() - start);
            if (answer.status() == 200) {
                calls.incrementAndGet();
            }
            return true;
        });
        httpRate = calls.get() / httpSeconds;
        List<Long> sorted = latencies.stream().sorted().toList();
        table.row("http: trivial GET/s (/api/categories, token checked)", httpRate, "/s",
                "p50 " + ms(percentile(sorted, 50)) + ", p99 " + ms(percentile(sorted, 99)) + " at "
                        + CONNECTIONS + " connections");
        httpSequential = sequential(QUERIES, trivial, CLERK);
        table.row("http: trivial GET p50, one connection", percentile(httpSequential, 50) / 1e6, "ms",
                "p99 " + ms(percentile(httpSequential, 99)));
        memory("after the raw limits");
    }

    /**
     * Guarded updates for {@link #SECONDS} s on documents {@code 0..count-1}, each client on its own share, each update
     * bounded by {@link #SECONDS} (at least 10 s): one that takes longer is given up (its document is left alone
     * afterwards, its version unknown).
     *
     * @param versions each document's version as stored, kept up to date here
     * @param flat     the filter as one document ({@code {_id: …, version: …}}); else the {@code $and} of the two
     *                 that {@code Filters.and} renders, as service-kit's AggregateStore sends it
     */
    private double guardedUpdates(MongoCollection<Document> collection, int count, IntFunction<String> id,
                                  long[] versions, boolean flat, int clients) throws Exception {
        if (count < clients) {
            return Double.NaN;
        }
        MongoCollection<Document> bounded = collection.withTimeout(Math.max(10, SECONDS), TimeUnit.SECONDS);
        AtomicLong updated = new AtomicLong();
        AtomicLong missed = new AtomicLong();
        AtomicLong timedOut = new AtomicLong();
        double seconds = forSeconds(SECONDS, clients, worker -> {
            int share = (count - worker + clients - 1) / clients;
            int i = worker + clients * ThreadLocalRandom.current().nextInt(share);
            long version = versions[i];
            if (version < 0) {
                return true;
            }
            try {
                UpdateResult result = bounded.updateOne(flat
                                ? new Document("_id", id.apply(i)).append("version", version)
                                : Filters.and(Filters.eq("_id", id.apply(i)), Filters.eq("version", version)),
                        Updates.combine(Updates.set("benchTouched", i), Updates.inc("version", 1L)));
                if (result.getModifiedCount() == 1) {
                    versions[i] = version + 1;
                    updated.incrementAndGet();
                } else {
                    missed.incrementAndGet();
                }
            } catch (MongoException e) {
                versions[i] = -1;
                timedOut.incrementAndGet();
            }
            return true;
        });
        if (missed.get() > 0 || timedOut.get() > 0) {
            table.note("guarded updates (%s, %d clients): %d done, %d matched nothing, %d given up after %d s",
                    flat ? "flat filter" : "$and", clients, updated.get(), missed.get(), timedOut.get(),
                    Math.max(10, SECONDS));
        }
        return updated.get() / seconds;
    }

    /**
     * Single-document reads by {@code _id} one after the other, up to {@link #QUERIES} or {@link #SECONDS} s (each
     * bounded by 10 s): whether the store answers a point read while the services work on it.
     */
    private List<Long> findsById(MongoCollection<Document> collection, int count, IntFunction<String> id) {
        MongoCollection<Document> bounded = collection.withTimeout(10, TimeUnit.SECONDS);
        List<Long> nanos = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        for (int q = 0; q < QUERIES && System.nanoTime() < end; q++) {
            long start = System.nanoTime();
            try {
                bounded.find(Filters.eq("_id", id.apply(ThreadLocalRandom.current().nextInt(count)))).first();
            } catch (MongoException e) {
                // given up after 10 s: counted as such
            }
            nanos.add(System.nanoTime() - start);
        }
        return nanos.stream().sorted().toList();
    }

    private double kafkaProduceRate() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker.address());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        byte[] value = ("{\"appealId\":\"x\",\"text\":\"" + "к".repeat(330) + "\"}").getBytes(StandardCharsets.UTF_8);
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
            // the topic and the producer's id first, outside the measured time
            producer.send(new ProducerRecord<>("pipebench.raw", "warm-up", value)).get(30, TimeUnit.SECONDS);
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(SECONDS);
            for (long i = 0; System.nanoTime() < end; i++) {
                producer.send(new ProducerRecord<>("pipebench.raw", "k" + i, value), (metadata, error) -> {
                    if (error == null) {
                        acknowledged.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
            double seconds = seconds(start);
            if (failed.get() > 0) {
                table.note("kafka records not acknowledged: %d", failed.get());
            }
            return acknowledged.get() / seconds;
        } catch (Exception e) {
            throw new IllegalStateException("The Kafka producer failed", e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 2. End to end: appeals over HTTP, then counted by the reporting service

    private double maxRate;

    private void endToEnd() throws Exception {
        table.section("2. End to end (" + CONNECTIONS + " connections of the general department, " + SECRETARIES
                + " secretaries signing minutes with 2 reception cards each meanwhile)");
        List<MixedLoad.Group> groups = new ArrayList<>();
        for (int i = 0; i < SECRETARIES; i++) {
            String name = "Группа замера № " + (i + 1);
            String id = ok(post(ADMINISTRATOR, stack.meetings.url() + "/api/groups", Map.of("name", name,
                    "leader", Map.of("fullName", "Иванов Иван Иванович"),
                    "secretary", Map.of("fullName", "Смирнова Ольга Петровна"),
                    "territories", List.of("Замер встреч")))).path("id").asString();
            groups.add(new MixedLoad.Group(id, name));
        }
        // warm-up of the services' JIT, not measured
        appealRun("Разогрев", 0, 0, SECONDS, groups, false);
        Run max = appealRun("Замер макс", 0, 0, SECONDS, groups, true);
        maxRate = max.acceptedRate();
        report("max", max);
        // half of the whole load: of the appeals and of the meetings alike
        Run half = appealRun("Замер половина", maxRate / 2, Math.max(0.01, max.meetings / max.seconds / 2),
                SECONDS, groups, true);
        report("half of max", half);
        memory("after the end-to-end runs");
    }

    private void report(String label, Run run) {
        table.row("appeals accepted/s at " + label, run.acceptedRate(), "/s",
                ratio(run.acceptedRate(), rawInserts) + " of store inserts, " + ratio(run.acceptedRate(), kafkaRate)
                        + " of kafka, " + ratio(run.acceptedRate(), httpRate) + " of trivial HTTP; "
                        + run.accepted + " in " + fixed(run.seconds) + " s, " + run.failed + " refused/failed"
                        + (run.skipped > 0 ? ", " + run.skipped + " ticks without a free connection" : ""));
        table.row("  reporting counted/s at " + label, run.countedRate(), "/s",
                ratio(run.countedRate(), rawInserts) + " of store inserts; all counted "
                        + (run.caughtUpSeconds() >= 0 ? fixed(run.caughtUpSeconds()) + " s after the load stopped"
                        : "NOT within " + CATCH_UP_BOUND.toSeconds() + " s (" + run.counted() + " of "
                        + run.accepted + ")"));
        table.row("  HTTP answer -> report figure p50 at " + label, run.latency(50) / 1e6, "ms",
                "p99 " + ms(run.latency(99)) + ", max " + ms(run.latency(100)) + " (" + run.latencies().size()
                        + " appeals; the report read every 100 ms, a read taking " + ms(run.reportRead) + " p50)");
        cpu(label, run);
        table.row("  meetings signed/s at " + label, run.meetings / run.seconds, "/s",
                run.meetings + " minutes signed, " + 2 * run.meetings + " reception cards; " + run.meetingFailures
                        + " meetings broken off");
    }

    /**
     * One run of appeals: closed loop ({@code rate} 0) or paced at {@code rate} per second; meanwhile each group's
     * secretary holds meetings, as fast as he can ({@code meetingRate} 0) or together at {@code meetingRate} per
     * second.
     */
    private Run appealRun(String territoryPrefix, double rate, double meetingRate, int seconds,
                          List<MixedLoad.Group> groups, boolean probe) throws Exception {
        String territory = territoryPrefix + " " + (++runs);
        ReportProbe reportProbe = probe ? new ReportProbe(territory) : null;
        Run run = new Run();
        Map<String, Long> cpuBefore = cpuMillis();
        long wallBefore = System.nanoTime();
        ConcurrentLinkedQueue<Long> accepted = new ConcurrentLinkedQueue<>();
        AtomicLong failed = new AtomicLong();
        List<Thread> secretaries = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch over = new CountDownLatch(1);
        CompletableFuture.delayedExecutor(end - System.nanoTime(), TimeUnit.NANOSECONDS).execute(over::countDown);
        AtomicLong meetings = new AtomicLong();
        AtomicLong meetingFailures = new AtomicLong();
        for (MixedLoad.Group group : groups) {
            secretaries.add(Thread.ofPlatform().name("bench-secretary").start(() -> {
                long paced = meetingRate <= 0 ? 0 : Math.round(1e9 * groups.size() / meetingRate);
                long next = System.nanoTime();
                while (System.nanoTime() < end) {
                    if (paced > 0) { // this secretary's share of the meetings' rate: wait for the next slot
                        next += paced;
                        try {
                            if (over.await(Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                                return;
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    if (meeting(group)) {
                        meetings.incrementAndGet();
                    } else {
                        meetingFailures.incrementAndGet();
                        try { // a breath before the next meeting, or the end of the run
                            over.await(200, TimeUnit.MILLISECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }));
        }
        long start = System.nanoTime();
        if (rate <= 0) {
            forUntil(end, CONNECTIONS, worker -> {
                postAndNote(territory, accepted, failed);
                return true;
            });
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
            Semaphore free = new Semaphore(CONNECTIONS);
            AtomicLong skipped = new AtomicLong();
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            long period = Math.max(1, Math.round(1_000_000 / rate));
            ticker.scheduleAtFixedRate(() -> {
                if (System.nanoTime() >= end) {
                    return;
                }
                if (!free.tryAcquire()) {
                    skipped.incrementAndGet();
                    return;
                }
                pool.execute(() -> {
                    try {
                        postAndNote(territory, accepted, failed);
                    } finally {
                        free.release();
                    }
                });
            }, 0, period, TimeUnit.MICROSECONDS);
            over.await();
            ticker.shutdownNow();
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
            run.skipped = skipped.get();
        }
        run.seconds = seconds(start);
        for (Thread secretary : secretaries) {
            secretary.join(Duration.ofSeconds(60));
        }
        run.accepted = accepted.size();
        run.failed = failed.get();
        run.meetings = meetings.get();
        run.meetingFailures = meetingFailures.get();
        run.acceptedAt = accepted.stream().mapToLong(Long::longValue).sorted().toArray();
        run.start = start;
        run.loadEnd = System.nanoTime();
        if (reportProbe != null) {
            reportProbe.awaitCount(run.accepted, CATCH_UP_BOUND);
            run.samples = reportProbe.stop();
            run.reportRead = reportProbe.readMedian();
        }
        Map<String, Long> cpuAfter = cpuMillis();
        cpuAfter.forEach((part, ms) -> run.cpuMillis.put(part, ms - cpuBefore.getOrDefault(part, 0L)));
        run.cpuWallSeconds = seconds(wallBefore);
        return run;
    }

    private void postAndNote(String territory, ConcurrentLinkedQueue<Long> accepted, AtomicLong failed) {
        Answer answer = postAppeal(territory, sequence.incrementAndGet());
        if (answer.status() == 201) {
            accepted.add(System.nanoTime());
        } else {
            failed.incrementAndGet();
            if (failed.get() <= 3) {
                table.note("a refused appeal: %s", answer);
            }
        }
    }

    private Answer postAppeal(String territory, long n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "POST");
        body.put("receivedOn", today.toString());
        body.put("registeredOn", today.toString());
        body.put("citizen", Map.of("fullName", "Житель Замерный " + n, "postalAddress", "ул. Замерная, " + n));
        body.put("text", "Просим отремонтировать освещение во дворе дома № " + n);
        body.put("category", n % 2 == 0 ? "HOUSING" : "ROADS");
        body.put("territory", territory);
        return send("POST", stack.appeals.url() + "/api/appeals", CLERK, Http.JSON.writeValueAsString(body));
    }

    /** A meeting from plan to signed minutes with two reception cards and an instruction; false when refused. */
    private boolean meeting(MixedLoad.Group group) {
        Person secretary = group.secretary();
        String at = today.atTime(0, 30).toString();
        String api = stack.meetings.url() + "/api/meetings";
        Answer created = send("POST", api, secretary, json(Map.of("groupId", group.id(), "territory", "Замер встреч",
                "venue", Map.of("name", "Дом культуры", "kind", "CULTURE"), "scheduledAt", at)));
        if (created.status() / 100 != 2) {
            return false;
        }
        String meeting = api + "/" + created.body().path("id").asString();
        return send("POST", meeting + "/venue-agreement", secretary,
                json(Map.of("agreedOn", today.minusDays(7).toString()))).status() / 100 == 2
                && send("POST", meeting + "/announcement", secretary, json(Map.of("announcedOn",
                today.minusDays(5).toString(), "channels", List.of("OFFICIAL_SITE")))).status() / 100 == 2
                && send("POST", meeting + "/holding", secretary,
                json(Map.of("heldAt", at, "residentsAttended", 20))).status() / 100 == 2
                && send("PUT", meeting + "/minutes", secretary, json(Map.of(
                "receptionCards", List.of(
                        Map.of("citizen", Map.of("fullName", "Петрова Анна Сергеевна", "postalAddress", "ул. Мира, 1"),
                                "question", "Протекает крыша", "category", "HOUSING"),
                        Map.of("citizen", Map.of("fullName", "Сидоров Пётр", "postalAddress", "ул. Мира, 2"),
                                "question", "Яма во дворе", "category", "ROADS")),
                "instructions", List.of(Map.of("text", "Проверить освещение", "executorDepartment",
                        EXECUTOR_DEPARTMENT, "dueOn", today.plusDays(30).toString())))))
                .status() / 100 == 2
                && send("POST", meeting + "/minutes/signature", secretary,
                json(Map.of("signedOn", today.toString()))).status() / 100 == 2;
    }

    /** What one run measured. */
    private static final class Run {
        long start;
        long loadEnd;
        double seconds;
        long accepted;
        long failed;
        long skipped;
        long meetings;
        long meetingFailures;
        long[] acceptedAt = new long[0];
        /** {time, count} of the report, in time order */
        List<long[]> samples = List.of();
        long reportRead = -1;
        /** CPU time each process used from the start of the run until the report counted everything */
        final Map<String, Long> cpuMillis = new LinkedHashMap<>();
        double cpuWallSeconds;
        private List<Long> latencies;

        double acceptedRate() {
            return accepted / seconds;
        }

        long counted() {
            return samples.isEmpty() ? 0 : samples.getLast()[1];
        }

        /** The time when the report's count first reached k, or -1. */
        long reached(long k) {
            for (long[] sample : samples) {
                if (sample[1] >= k) {
                    return sample[0];
                }
            }
            return -1;
        }

        /** Appeals counted per second: all of them over the time from the start until the report had them all. */
        double countedRate() {
            long counted = Math.min(counted(), accepted);
            long at = reached(counted);
            return counted == 0 || at < 0 ? 0 : counted / ((at - start) / 1e9);
        }

        /** Seconds from the end of the load until the report counted every accepted appeal; -1 if never. */
        double caughtUpSeconds() {
            long at = reached(accepted);
            return at < 0 ? -1 : Math.max(0, (at - loadEnd) / 1e9);
        }

        List<Long> latencies() {
            if (latencies == null) {
                List<Long> all = new ArrayList<>();
                int s = 0;
                for (int k = 1; k <= acceptedAt.length; k++) {
                    while (s < samples.size() && samples.get(s)[1] < k) {
                        s++;
                    }
                    if (s == samples.size()) {
                        break;
                    }
                    all.add(Math.max(0, samples.get(s)[0] - acceptedAt[k - 1]));
                }
                latencies = all.stream().sorted().toList();
            }
            return latencies;
        }

        long latency(int p) {
            return percentile(latencies(), p);
        }
    }

    /** Reads the reporting service's count of a territory every 100 ms, on a thread of its own. */
    private final class ReportProbe {
        private final String territory;
        private final List<long[]> samples = new ArrayList<>();
        private final ScheduledExecutorService reader =
                Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("bench-report-probe").factory());
        private volatile long last;
        private final List<Long> readNanos = new ArrayList<>();
        private final String url = stack.reporting.url() + "/api/reports/appeals?year=" + today.getYear();

        ReportProbe(String territory) {
            this.territory = territory;
            reader.scheduleAtFixedRate(this::read, 0, 100, TimeUnit.MILLISECONDS);
        }

        /** One reading of the report, every 100 ms (a slow answer delays the next). */
        private void read() {
            long asked = System.nanoTime();
            Answer answer = send("GET", url, Http.HEAD, null);
            long at = System.nanoTime();
            synchronized (samples) {
                readNanos.add(at - asked);
            }
            if (answer.status() == 200) {
                long count = 0;
                for (JsonNode row : answer.body().path("byTerritory")) {
                    if (territory.equals(row.path("key").asString())) {
                        count = Math.round(row.path("current").asDouble());
                    }
                }
                synchronized (samples) {
                    if (samples.isEmpty() || samples.getLast()[1] != count) {
                        samples.add(new long[] {at, count});
                    }
                }
                last = count;
            }
        }

        /** Waits until the report counts {@code count}, at most {@code bound}; a run that misses it says so after. */
        void awaitCount(long count, Duration bound) {
            try {
                await().atMost(bound).pollInterval(Duration.ofMillis(50)).until(() -> last >= count);
            } catch (ConditionTimeoutException notCaughtUp) {
                // the figures show how far the report got
            }
        }

        List<long[]> stop() throws InterruptedException {
            reader.shutdown();
            reader.awaitTermination(30, TimeUnit.SECONDS);
            synchronized (samples) {
                return List.copyOf(samples);
            }
        }

        /** How long reading the report took, p50, in nanoseconds. */
        long readMedian() {
            synchronized (samples) {
                return percentile(readNanos.stream().sorted().toList(), 50);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 3. With the store holding N appeals

    private final Map<Integer, double[]> bySize = new LinkedHashMap<>(); // update/s, intake/s, exec p50, p99, gd p50, p99

    private void storedSizes(MongoClient mongo, List<Document> templates) throws Exception {
        MongoCollection<Document> appeals = mongo.getDatabase("appeals").getCollection("appeals");
        long[] versions = versions(templates, SIZES.isEmpty() ? 0 : SIZES.getLast());
        int loaded = 0;
        for (int wanted : SIZES) {
            int size = wanted;
            table.section("3. The store holding " + String.format(Locale.ROOT, "%,d", size) + " loaded appeals");
            long loading = System.nanoTime();
            int from = loaded;
            int batches = Math.max(1, (size - from + 999) / 1000);
            long loadDeadline = loading + LOAD_BOUND.toNanos();
            AtomicLong loadedUpTo = new AtomicLong(from);
            List<String> loadFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
            forCount(batches, 2, b -> {
                if (System.nanoTime() > loadDeadline || !loadFailures.isEmpty()) {
                    return;
                }
                List<Document> batch = new ArrayList<>(1000);
                int last = Math.min(wanted, from + (b + 1) * 1000);
                for (int i = from + b * 1000; i < last; i++) {
                    batch.add(clone(templates, "pb-" + i, i));
                }
                try {
                    if (!batch.isEmpty()) {
                        appeals.insertMany(batch, new InsertManyOptions().ordered(false));
                    }
                    loadedUpTo.accumulateAndGet(last, Math::max);
                } catch (MongoException e) {
                    loadFailures.add(e.toString());
                }
            });
            double loadSeconds = seconds(loading);
            int reached = (int) loadedUpTo.get();
            table.row("bulk load (insertMany of 1,000, 2 clients)", (reached - from) / loadSeconds, "/s",
                    (reached - from) + " in " + fixed(loadSeconds) + " s; appeals.appeals holds "
                            + appeals.estimatedDocumentCount());
            if (reached < size) {
                table.note("LOADED ONLY %,d OF %,d (bound %d s, -Dbench.loadSeconds)%s", reached, size,
                        LOAD_BOUND.toSeconds(), loadFailures.isEmpty() ? "" : "; the store refused: "
                                + loadFailures.getFirst());
            }
            loaded = reached;
            size = reached;
            // versions: as loaded, or as an earlier size's updates left them
            double updates = guardedUpdates(appeals, size, i -> "pb-" + i, versions, true, CONNECTIONS);
            table.row("store: guarded updates/s (_id + version)", updates, "/s",
                    ratio(updates, rawUpdates) + " of the raw limit");
            List<Long> finds = findsById(appeals, size, i -> "pb-" + i);
            table.row("store: find by _id p50, 1 client", percentile(finds, 50) / 1e6, "ms",
                    "p99 " + ms(percentile(finds, 99)) + " (" + finds.size() + " finds); "
                            + ratio(percentile(finds, 50), percentile(rawFinds, 50)) + " of the raw p50");
            double andUpdates = guardedUpdates(appeals, size, i -> "pb-" + i, versions, false, 1);
            table.row("store: guarded updates/s, AggregateStore's filter, 1 client", andUpdates, "/s",
                    ratio(andUpdates, rawAndUpdates) + " of its raw limit");
            Run intake = appealRun("Замер " + size, 0, 0, Math.max(3, SECONDS / 2), List.of(), false);
            table.row("appeals accepted/s (intake over HTTP)", intake.acceptedRate(), "/s",
                    ratio(intake.acceptedRate(), rawInserts) + " of store inserts, " + ratio(intake.acceptedRate(),
                            maxRate) + " of the empty store's; " + intake.failed + " refused/failed");
            List<Long> executor = sequential(QUERIES, stack.appeals.url()
                    + "/api/appeals?state=ASSIGNED&page=0&size=20&sort=due", EXECUTOR);
            List<Long> general = sequential(QUERIES, stack.appeals.url()
                    + "/api/appeals?page=0&size=20&sort=due", CLERK);
            listRow("executor's list (ASSIGNED, sort=due) p50", executor);
            listRow("general department's list (sort=due) p50", general);
            bySize.put(size, new double[] {updates, intake.acceptedRate(), percentile(executor, 50),
                    percentile(executor, 99), percentile(general, 50), percentile(general, 99), andUpdates});
            memory("with " + size + " appeals loaded");
        }
    }

    private void listRow(String label, List<Long> sorted) {
        table.row(label, percentile(sorted, 50) / 1e6, "ms", "p99 " + ms(percentile(sorted, 99)) + "; "
                + ratio(percentile(sorted, 50), percentile(httpSequential, 50)) + " / "
                + ratio(percentile(sorted, 99), percentile(httpSequential, 99))
                + " of the trivial GET's p50 / p99");
    }

    /** {@code count} GETs one after the other (after 5 not measured); nanoseconds, sorted. */
    private List<Long> sequential(int count, String url, Person person) {
        long warmUpEnd = System.nanoTime() + LIST_BOUND.toNanos() / 4;
        for (int i = 0; i < 5 && System.nanoTime() < warmUpEnd; i++) {
            send("GET", url, person, null);
        }
        List<Long> nanos = new ArrayList<>();
        int refused = 0;
        long deadline = System.nanoTime() + LIST_BOUND.toNanos();
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            long start = System.nanoTime();
            Answer answer = send("GET", url, person, null);
            nanos.add(System.nanoTime() - start);
            if (answer.status() != 200) {
                refused++;
            }
        }
        if (refused > 0) {
            table.note("%s: %d of %d answered other than 200", url, refused, nanos.size());
        }
        if (nanos.size() < count) {
            table.note("%s: %d queries, not %d, within the bound of %d s", url, nanos.size(), count,
                    LIST_BOUND.toSeconds());
        }
        return nanos.stream().sorted().toList();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 4. Memory and the targets

    /** The parts of the stack and the benchmark itself, by name, with their process ids. */
    private List<Map.Entry<String, Long>> processes() {
        return List.of(Map.entry("store", stack.store.pid()), Map.entry("kafka", stack.broker.pid()),
                Map.entry("appeals", stack.appeals.pid()), Map.entry("meetings", stack.meetings.pid()),
                Map.entry("reporting", stack.reporting.pid()), Map.entry("benchmark", ProcessHandle.current().pid()));
    }

    /** CPU time used so far by each process, in milliseconds. */
    private Map<String, Long> cpuMillis() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (var part : processes()) {
            cpu.put(part.getKey(), ProcessHandle.of(part.getValue()).flatMap(handle -> handle.info().totalCpuDuration())
                    .map(Duration::toMillis).orElse(0L));
        }
        return cpu;
    }

    /**
     * Where the CPU went: each process's CPU time per accepted appeal (meetings' work included, it ran meanwhile),
     * and how much of the machine's cores the run used; the largest share names what bounds the pipeline.
     */
    private void cpu(String label, Run run) {
        if (run.accepted == 0 || run.cpuMillis.isEmpty()) {
            return;
        }
        long total = run.cpuMillis.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder parts = new StringBuilder();
        run.cpuMillis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(part -> parts.append(String.format(Locale.ROOT, "%s %.2f (%.0f %%), ", part.getKey(),
                        part.getValue() / (double) run.accepted, 100.0 * part.getValue() / Math.max(1, total))));
        int cores = Runtime.getRuntime().availableProcessors();
        table.row("  CPU per accepted appeal at " + label, total / (double) run.accepted, "ms",
                parts + String.format(Locale.ROOT, "the machine's %d cores %.0f %% busy with these", cores,
                        100.0 * total / 1000 / (cores * run.cpuWallSeconds)));
    }

    private void memory(String when) {
        StringBuilder line = new StringBuilder();
        for (var part : processes()) {
            long[] kb = residentKb(part.getValue());
            line.append(String.format(Locale.ROOT, "%s %d MB (peak %d), ", part.getKey(), kb[0] / 1024, kb[1] / 1024));
        }
        table.note("memory %s: %s", when, line.substring(0, Math.max(0, line.length() - 2)));
        for (var part : List.of(Map.entry("store", stack.store.log()), Map.entry("kafka", stack.broker.log()),
                Map.entry("appeals", stack.appeals.log()), Map.entry("meetings", stack.meetings.log()),
                Map.entry("reporting", stack.reporting.log()))) {
            if (!outOfMemory.contains(part.getKey()) && mentions(part.getValue(), "OutOfMemoryError")) {
                outOfMemory.add(part.getKey());
                table.note("%s RAN OUT OF MEMORY (OutOfMemoryError in %s) %s", part.getKey(),
                        part.getValue().toAbsolutePath(), when);
            }
        }
    }

    private final List<String> outOfMemory = new ArrayList<>();

    private static boolean mentions(Path log, String text) {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> line.contains(text));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** The machine's load average over 1, 5 and 15 minutes, from /proc/loadavg ("?" where unknown). */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** VmRSS and VmHWM of a process, in kB (0 where unknown). */
    private static long[] residentKb(long pid) {
        long[] kb = {0, 0};
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    kb[0] = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("VmHWM:")) {
                    kb[1] = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return kb;
    }

    private void targets() {
        table.section("Targets (the product is judged against them; the benchmark only measures)");
        Double max = table.value("appeals accepted/s at max");
        Double counted = table.value("  reporting counted/s at max");
        double sustained = Math.min(max == null ? 0 : max, counted == null ? 0 : counted);
        table.check("end-to-end sustained rate >= 1/2 of the store's single inserts",
                sustained >= rawInserts / 2, fixed(sustained) + "/s against " + fixed(rawInserts / 2) + "/s");
        Double p99 = table.extra("  HTTP answer -> report figure p50 at half of max");
        table.check("at half the max rate, p99 HTTP answer -> report figure <= 1 s", p99 != null && p99 <= 1000,
                p99 == null ? "not measured" : fixed(p99) + " ms");
        if (bySize.size() >= 2) {
            int smallest = bySize.keySet().stream().min(Integer::compare).orElseThrow();
            int largest = bySize.keySet().stream().max(Integer::compare).orElseThrow();
            double[] a = bySize.get(smallest);
            double[] b = bySize.get(largest);
            table.check("guarded updates at " + largest + " within 20% of " + smallest, b[0] >= 0.8 * a[0],
                    fixed(b[0]) + "/s against " + fixed(a[0]) + "/s");
            table.check("  the same with AggregateStore's $and filter", b[6] >= 0.8 * a[6],
                    fixed(b[6]) + "/s against " + fixed(a[6]) + "/s");
            table.check("executor's list p99 at " + largest + " within 20% of " + smallest, b[3] <= 1.2 * a[3],
                    ms((long) b[3]) + " against " + ms((long) a[3]));
            table.check("general department's list p99 at " + largest + " within 20% of " + smallest,
                    b[5] <= 1.2 * a[5], ms((long) b[5]) + " against " + ms((long) a[5]));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Running clients

    private interface Work {
        boolean once(int worker) throws Exception;
    }

    /** {@code clients} threads doing {@code work} for {@code seconds}; returns the seconds they took. */
    private static double forSeconds(int seconds, int clients, Work work) throws InterruptedException {
        long start = System.nanoTime();
        forUntil(start + TimeUnit.SECONDS.toNanos(seconds), clients, work);
        return seconds(start);
    }

    private static void forUntil(long end, int clients, Work work) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(clients);
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        for (int c = 0; c < clients; c++) {
            int worker = c;
            Thread.ofPlatform().name("bench-client-" + c).start(() -> {
                try {
                    while (System.nanoTime() < end && work.once(worker)) {
                        // again
                    }
                } catch (Throwable e) {
                    errors.add(e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("A client failed", errors.peek());
        }
    }

    private interface Task {
        void run(int index) throws Exception;
    }

    private static void forCount(int count, int clients, Task task) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        forUntil(Long.MAX_VALUE, clients, worker -> {
            long index = next.getAndIncrement();
            if (index >= count) {
                return false;
            }
            task.run((int) index);
            return true;
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // HTTP

    private Answer send(String method, String url, Person person, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", TestTokens.bearer(person)).header("Accept-Language", "en");
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            return Answer.of(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return new Answer(0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        }
    }

    private static String json(Object body) {
        return Http.JSON.writeValueAsString(body);
    }

    private static MongoClient mongo(String uri) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .applyToConnectionPoolSettings(pool -> pool.maxSize(CONNECTIONS + 4))
                .applyToSocketSettings(socket -> socket.readTimeout(120, TimeUnit.SECONDS))
                .retryWrites(false).build());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Figures

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    private static String ratio(double value, double limit) {
        return limit > 0 && !Double.isNaN(value) ? String.format(Locale.ROOT, "%.2f", value / limit) : "n/a";
    }

    /** The printed table: sections, rows (figure, value, unit, what it is against), notes. */
    private static final class Table {
        private final StringBuilder text = new StringBuilder();
        private final Map<String, Double> values = new LinkedHashMap<>();
        private final Map<String, String> details = new LinkedHashMap<>();

        void section(String title) {
            text.append('\n').append(title).append('\n');
            System.out.println("[pipeline] " + title);
        }

        void row(String figure, double value, String unit, String detail) {
            values.put(figure, value);
            details.put(figure, detail);
            String line = String.format(Locale.ROOT, "  %-58s %12s %-3s %s%n", figure, fixed(value), unit, detail);
            text.append(line);
            System.out.print("[pipeline] " + line);
        }

        void note(String format, Object... args) {
            String line = "  · " + String.format(Locale.ROOT, format, args) + "\n";
            text.append(line);
            System.out.print("[pipeline] " + line);
        }

        void check(String target, boolean met, String detail) {
            String line = String.format(Locale.ROOT, "  %-70s %-8s %s%n", target, met ? "met" : "NOT MET", detail);
            text.append(line);
            System.out.print("[pipeline] " + line);
        }

        Double value(String figure) {
            return values.get(figure);
        }

        /** The p99 of a latency row (its detail starts with "p99 N ms"), in milliseconds. */
        Double extra(String figure) {
            String detail = details.get(figure);
            if (detail == null || !detail.startsWith("p99 ")) {
                return null;
            }
            String number = detail.substring(4, detail.indexOf(' ', 4));
            return "n/a".equals(number) ? null : Double.parseDouble(number);
        }

        String render() {
            return "\n=== pipeline benchmark: the stack as processes, as ./run.sh starts it ===\n" + text + "\n";
        }
    }

}
