package ru.outreach.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.awaitility.core.ConditionTimeoutException;

import ru.outreach.testkit.TestTokens;
import ru.outreach.testkit.TestTokens.Person;
import tools.jackson.databind.JsonNode;

/**
 * A bounded mixed load over real HTTP, as the staff would make it: the general department registers appeals that came
 * by post (about {@code appealsPerSecond}, at most {@code appealSlots} at a time), secretaries take meetings from plan
 * to signed minutes that carry two reception cards and an instruction, and the appeals are assigned, answered and some
 * closed, the first reception card of each meeting too once the intake has brought it.
 * <p>
 * Every create carries an {@code Idempotency-Key}, a new UUID per logical create, and the same key (with the very same
 * body) on each retry after a timeout, a 5xx or a broken connection: a service that knows the header answers the
 * retry with the first answer and creates nothing. The key is also written into the body (the appeal's text, the
 * meeting's invited participants), so that the suite can count the copies of each logical create in the store. A step
 * (answer, closing, signature…) is retried the same way; when a retry is refused with a conflict, the aggregate is
 * read: if it shows the step, the earlier attempt did it.
 * <p>
 * What was acknowledged goes to the {@link Ledger}, under the phase given to {@link #start}. {@link #stop} stops new
 * work and waits for what is in flight, each operation bounded by {@code giveUpAfter}. Talks only to 127.0.0.1.
 */
final class MixedLoad {

    /**
     * @param appealsPerSecond the pace of new HTTP appeals
     * @param appealSlots      HTTP appeals at most in progress at once (a tick with no free slot is skipped)
     * @param meetingWorkers   secretaries working through meetings one after the other
     * @param meetingPause     each secretary's pause between two meetings
     * @param followUpWorkers  clerks assigning, answering and closing
     * @param attemptTimeout   how long one HTTP attempt waits for its answer
     * @param giveUpAfter      how long one operation is retried before it is given up
     */
    record Settings(double appealsPerSecond, int appealSlots, int meetingWorkers, Duration meetingPause,
                    int followUpWorkers, Duration attemptTimeout, Duration giveUpAfter) {

        static Settings fromSystemProperties() {
            return new Settings(
                    Double.parseDouble(System.getProperty("faults.appealsPerSecond", "12")),
                    Integer.getInteger("faults.appealSlots", 6),
                    Integer.getInteger("faults.meetingWorkers", 2),
                    Duration.ofMillis(Long.getLong("faults.meetingPauseMillis", 700)),
                    Integer.getInteger("faults.followUpWorkers", 2),
                    Duration.ofSeconds(Long.getLong("faults.attemptTimeoutSeconds", 5)),
                    Duration.ofSeconds(Long.getLong("faults.giveUpSeconds", 75)));
        }
    }

    /** An information group of the load, and the secretary whose token names it. */
    record Group(String id, String name) {
        Person secretary() {
            return Http.secretaryOf(name);
        }
    }

    private static final Person CLERK = Http.GENERAL_DEPARTMENT;
    private static final Person CONTROLLER = Http.CONTROLLER;
    private static final String TERRITORY = "Нагрузочный";
    private static final Map<String, String> DEPARTMENTS = Map.of(
            "HOUSING", "Управление ЖКХ", "ROADS", "Отдел дорожного хозяйства");
    private static final Duration CARD_WAIT = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ServiceProcess appeals;
    private final ServiceProcess meetings;
    private final String appealsApi;
    private final String meetingsApi;
    private final List<Group> groups;
    private final LocalDate today;
    private final Ledger ledger;
    private final Settings settings;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private final DelayQueue<FollowUp> followUps = new DelayQueue<>();

    private volatile String phase;
    private volatile boolean running;
    /** Counted down by {@link #stop}: a secretary between two meetings stops waiting at once. */
    private volatile CountDownLatch stopping = new CountDownLatch(0);
    private ScheduledExecutorService ticker;
    private ExecutorService appealPool;
    private Semaphore appealSlots;
    private final List<Thread> workers = new ArrayList<>();

    MixedLoad(ServiceProcess appeals, ServiceProcess meetings, List<Group> groups, LocalDate today, Ledger ledger,
              Settings settings) {
        this.appeals = appeals;
        this.meetings = meetings;
        this.appealsApi = appeals.url() + "/api";
        this.meetingsApi = meetings.url() + "/api";
        this.groups = List.copyOf(groups);
        this.today = today;
        this.ledger = ledger;
        this.settings = settings;
    }

    /** HTTP attempts sent and not answered yet. */
    int inFlight() {
        return inFlight.get();
    }

    /** Starts the load; what it gets acknowledged is recorded under {@code phase}. */
    synchronized void start(String phase) {
        if (running) {
            throw new IllegalStateException("The load is running");
        }
        this.phase = phase;
        running = true;
        stopping = new CountDownLatch(1);
        appealSlots = new Semaphore(settings.appealSlots());
        appealPool = Executors.newFixedThreadPool(settings.appealSlots(), named("load-appeal"));
        ticker = Executors.newSingleThreadScheduledExecutor(named("load-ticker"));
        long period = Math.max(1, Math.round(1_000_000 / settings.appealsPerSecond()));
        ticker.scheduleAtFixedRate(this::tick, 0, period, TimeUnit.MICROSECONDS);
        workers.clear();
        for (int i = 0; i < settings.meetingWorkers(); i++) {
            Group group = groups.get(i % groups.size());
            workers.add(Thread.ofPlatform().name("load-secretary-" + i).start(() -> secretary(group)));
        }
        for (int i = 0; i < settings.followUpWorkers(); i++) {
            workers.add(Thread.ofPlatform().name("load-clerk-" + i).start(this::clerk));
        }
    }

    /**
     * Stops new work and waits for the operations in progress (each bounded by {@code giveUpAfter}); follow-ups not
     * begun are dropped. Returns whether everything ended within {@code drain}.
     */
    synchronized boolean stop(Duration drain) {
        running = false;
        stopping.countDown();
        if (ticker == null) {
            return true;
        }
        long deadline = System.nanoTime() + drain.toNanos();
        ticker.shutdownNow();
        appealPool.shutdown();
        boolean ended;
        try {
            ended = appealPool.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS);
            for (Thread worker : workers) {
                ended &= worker.join(Duration.ofNanos(Math.max(1, remaining(deadline))));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        if (!ended) {
            appealPool.shutdownNow();
            workers.forEach(Thread::interrupt);
        }
        followUps.clear();
        ticker = null;
        return ended;
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The general department: appeals by post

    private void tick() {
        if (!running) {
            return;
        }
        if (!appealSlots.tryAcquire()) {
            ledger.skippedTicks.incrementAndGet();
            return;
        }
        String started = phase;
        try {
            appealPool.execute(() -> {
                try {
                    postAppeal(started);
                } catch (RuntimeException e) {
                    ledger.refusals.add("an HTTP appeal stopped: " + e);
                } finally {
                    appealSlots.release();
                }
            });
        } catch (RuntimeException rejected) { // stopping
            appealSlots.release();
        }
    }

    private void postAppeal(String phase) {
        long n = sequence.incrementAndGet();
        String key = UUID.randomUUID().toString();
        String category = n % 2 == 0 ? "HOUSING" : "ROADS";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "POST");
        body.put("receivedOn", today.toString());
        body.put("registeredOn", today.toString());
        body.put("citizen", Map.of("fullName", "Житель Нагрузочный " + n, "postalAddress", "ул. Нагрузочная, " + n));
        body.put("text", "Обращение под нагрузкой " + marker(key));
        body.put("category", category);
        body.put("territory", TERRITORY);
        JsonNode created = create(phase, "appeal", appealsApi + "/appeals", CLERK, body, key);
        if (created == null) {
            return;
        }
        String id = created.path("id").asString();
        ledger.appeals.put(key, new Ledger.Created(phase, key, id));
        if (n % 3 == 0) {
            followUps.add(new FollowUp(id, false, DEPARTMENTS.get(category), n % 6 == 0, Duration.ofMillis(300)));
        }
    }

    /** What each create carries in its body, to find its copies in the store. */
    static String marker(String key) {
        return "[load:" + key + "]";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Secretaries: meetings from plan to signed minutes

    private void secretary(Group group) {
        int meetings = 0;
        while (running) {
            String started = phase;
            boolean done;
            try {
                done = meeting(started, group, meetings++ % 2 == 0);
            } catch (RuntimeException e) {
                ledger.refusals.add("secretary of " + group.name() + " stopped a meeting: " + e);
                done = false;
            }
            untilStopped(done ? settings.meetingPause() : Duration.ofSeconds(1));
        }
    }

    /** One meeting from plan to signed minutes; false when a step was given up or refused. */
    private boolean meeting(String phase, Group group, boolean handOver) {
        Person secretary = group.secretary();
        String key = UUID.randomUUID().toString();
        String at = today.atTime(0, 30).toString();
        Map<String, Object> plan = Map.of("groupId", group.id(), "territory", TERRITORY,
                "venue", Map.of("name", "Дом культуры", "kind", "CULTURE"), "scheduledAt", at,
                "invitedParticipants", List.of(marker(key)));
        JsonNode created = create(phase, "meeting", meetingsApi + "/meetings", secretary, plan, key);
        if (created == null) {
            return false;
        }
        String id = created.path("id").asString();
        ledger.meetings.put(key, new Ledger.Created(phase, key, id));
        String meeting = meetingsApi + "/meetings/" + id;
        String minutes = meeting + "/minutes";
        boolean done = step("POST", meeting + "/venue-agreement", secretary,
                Map.of("agreedOn", today.minusDays(7).toString()),
                meeting, m -> Set.of("VENUE_AGREED", "ANNOUNCED", "HELD").contains(m.path("status").asString()))
                && step("POST", meeting + "/announcement", secretary,
                Map.of("announcedOn", today.minusDays(5).toString(), "channels", List.of("OFFICIAL_SITE")),
                meeting, m -> Set.of("ANNOUNCED", "HELD").contains(m.path("status").asString()))
                && step("POST", meeting + "/holding", secretary, Map.of("heldAt", at, "residentsAttended", 20),
                meeting, m -> "HELD".equals(m.path("status").asString()))
                && step("PUT", minutes, secretary, minutesContent(),
                minutes, m -> m.path("content").path("receptionCards").size() == 2)
                && step("POST", minutes + "/signature", secretary, Map.of("signedOn", today.toString()),
                minutes, m -> Set.of("SIGNED", "HANDED_OVER").contains(m.path("status").asString()));
        if (!done) {
            return false;
        }
        ledger.signedMinutes.put(id, new Ledger.Step(phase, id));
        followUps.add(new FollowUp(id + ":RC1", true, "Управление ЖКХ", false, Duration.ofSeconds(2)));
        return !handOver || step("POST", minutes + "/hand-over", CONTROLLER, Map.of("handedOverOn", today.toString()),
                minutes, m -> "HANDED_OVER".equals(m.path("status").asString()));
    }

    private Map<String, Object> minutesContent() {
        return Map.of(
                "receptionCards", List.of(
                        Map.of("citizen", Map.of("fullName", "Петрова Анна Сергеевна", "postalAddress", "ул. Мира, 1"),
                                "question", "Протекает крыша", "category", "HOUSING"),
                        Map.of("citizen", Map.of("fullName", "Сидоров Пётр", "postalAddress", "ул. Мира, 2"),
                                "question", "Яма во дворе", "category", "ROADS")),
                "instructions", List.of(Map.of("text", "Проверить освещение", "executorDepartment",
                        "Управление ЖКХ", "dueOn", today.plusDays(30).toString())));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Clerks: assignment, answer, closing

    /** An appeal to take further: an HTTP appeal (registered already) or a reception card (registered first). */
    private static final class FollowUp implements Delayed {
        final String appealId;
        final boolean card;
        final String department;
        final boolean close;
        final long firstDue = System.nanoTime();
        long due;

        FollowUp(String appealId, boolean card, String department, boolean close, Duration delay) {
            this.appealId = appealId;
            this.card = card;
            this.department = department;
            this.close = close;
            this.due = System.nanoTime() + delay.toNanos();
        }

        FollowUp later(Duration delay) {
            due = System.nanoTime() + delay.toNanos();
            return this;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }

    private void clerk() {
        while (running) {
            FollowUp followUp;
            try {
                followUp = followUps.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (followUp != null && running) {
                try {
                    followUp(phase, followUp);
                } catch (RuntimeException e) {
                    ledger.refusals.add("clerk stopped on appeal " + followUp.appealId + ": " + e);
                }
            }
        }
    }

    private void followUp(String phase, FollowUp f) {
        String appeal = appealsApi + "/appeals/" + f.appealId;
        if (f.card) {
            Answer found = send("GET", appeal, CLERK, null, null);
            if (found.status() != 200) {
                // not brought by the intake yet (404), or the service is away: later, within a bound
                if (System.nanoTime() - f.firstDue < CARD_WAIT.toNanos()) {
                    followUps.add(f.later(Duration.ofSeconds(1)));
                }
                return;
            }
            if (!step("POST", appeal + "/registration", CLERK, Map.of("registeredOn", today.toString()),
                    appeal, a -> !"RECEIVED".equals(a.path("state").asString()))) {
                return;
            }
        }
        boolean answered = step("POST", appeal + "/assignment", CLERK,
                Map.of("executorDepartment", f.department, "assignedOn", today.toString()),
                appeal, a -> f.department.equals(a.path("assignment").path("executorDepartment").asString()))
                && step("POST", appeal + "/answer", CLERK,
                Map.of("text", "Ответ дан по существу", "answeredOn", today.toString()),
                appeal, a -> Set.of("ANSWERED", "CLOSED").contains(a.path("state").asString()));
        if (!answered) {
            return;
        }
        ledger.answers.put(f.appealId, new Ledger.Step(phase, f.appealId));
        if (f.close && step("POST", appeal + "/closing", CLERK, Map.of("closedOn", today.toString()),
                appeal, a -> "CLOSED".equals(a.path("state").asString()))) {
            ledger.closings.put(f.appealId, new Ledger.Step(phase, f.appealId));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Retries

    /**
     * A create, retried with the same key and body until a 2xx or {@code giveUpAfter}; null when not acknowledged
     * (then recorded in doubt, or as a refusal).
     */
    private JsonNode create(String phase, String kind, String url, Person person, Map<String, Object> body,
                            String key) {
        String json = Http.JSON.writeValueAsString(body);
        long deadline = System.nanoTime() + settings.giveUpAfter().toNanos();
        boolean ambiguous = false;
        for (int attempt = 0; ; attempt++) {
            Answer answer = send("POST", url, person, json, key);
            if (answer.status() / 100 == 2) {
                return answer.body();
            }
            // a conflict on a create: the first attempt with this key may still be in progress
            boolean again = answer.retryable() || answer.status() == 409;
            if (again && before(deadline)) {
                ambiguous |= answer.retryable();
                ledger.retries.incrementAndGet();
                backoff(url, attempt);
                continue;
            }
            if (ambiguous || answer.retryable()) {
                ledger.inDoubt.put(key, new Ledger.InDoubt(phase, kind, key));
            }
            if (!answer.retryable()) {
                ledger.refusals.add("POST " + url + " (" + kind + ", key " + key + ") -> " + answer);
            }
            return null;
        }
    }

    /**
     * A step, retried until a 2xx or {@code giveUpAfter}; a 4xx is checked by reading {@code check}: the step counts
     * as done when {@code applied} holds there (an earlier attempt did it).
     */
    private boolean step(String method, String url, Person person, Map<String, Object> body, String check,
                         Predicate<JsonNode> applied) {
        String json = Http.JSON.writeValueAsString(body);
        long deadline = System.nanoTime() + settings.giveUpAfter().toNanos();
        for (int attempt = 0; ; attempt++) {
            Answer answer = send(method, url, person, json, null);
            if (answer.status() / 100 == 2) {
                return true;
            }
            if (answer.retryable()) {
                if (before(deadline)) {
                    ledger.retries.incrementAndGet();
                    backoff(url, attempt);
                    continue;
                }
                ledger.abandonedSteps.incrementAndGet();
                return false;
            }
            JsonNode state = read(check, person, deadline);
            if (state != null && applied.test(state)) {
                ledger.confirmedByReading.incrementAndGet();
                return true;
            }
            ledger.refusals.add(method + " " + url + " -> " + answer);
            return false;
        }
    }

    /** The aggregate as {@code person} reads it, retried like a step; null when it cannot be read. */
    private JsonNode read(String url, Person person, long deadline) {
        for (int attempt = 0; ; attempt++) {
            Answer answer = send("GET", url, person, null, null);
            if (answer.status() == 200) {
                return answer.body();
            }
            if (!answer.retryable() || !before(deadline)) {
                return null;
            }
            backoff(url, attempt);
        }
    }

    /** Before the bound of an operation, and not told to end (interrupted when {@link #stop} times out). */
    private static boolean before(long deadline) {
        return System.nanoTime() < deadline && !Thread.currentThread().isInterrupted();
    }

    /**
     * Waits before a retry until the service behind {@code url} answers its health as UP again (a killed one has
     * restarted, its store or broker is back), polling from 200 ms on; at most 200 ms doubling to 2 s, after which the
     * retry goes anyway and the operation's own bound decides. It also runs while {@link #stop} drains the operations
     * in progress, so it does not end at the stop.
     */
    private void backoff(String url, int attempt) {
        Duration most = Duration.ofMillis(Math.min(2000, 200L << Math.min(attempt, 4)));
        ServiceProcess service = url.startsWith(appealsApi) ? appeals : meetings;
        try {
            await().pollDelay(Duration.ofMillis(200)).pollInterval(Duration.ofMillis(100))
                    .atMost(most.plusMillis(100)).until(service::healthy);
        } catch (ConditionTimeoutException stillDown) {
            // the retry goes now; the operation gives up at its own bound
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof InterruptedException)) {
                throw e;
            }
            Thread.currentThread().interrupt(); // told to end (stop timed out): the caller's bound check sees it
        }
    }


    /** Waits between two meetings, or less if the load is stopped meanwhile. */
    private void untilStopped(Duration pause) {
        try {
            stopping.await(pause.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // HTTP

    /** @param status 0 when no answer came (timeout, refused or broken connection) */
    record Answer(int status, JsonNode body, String failure) {

        /** The status and the body, as JSON where it is JSON, else as text. */
        static Answer of(HttpResponse<String> response) {
            String text = response.body();
            JsonNode body;
            try {
                body = text == null || text.isEmpty() ? Http.JSON.nullNode() : Http.JSON.readTree(text);
            } catch (RuntimeException notJson) {
                body = Http.JSON.getNodeFactory().textNode(text);
            }
            return new Answer(response.statusCode(), body, null);
        }

        boolean retryable() {
            return status == 0 || status >= 500 || status == 408 || status == 429;
        }

        @Override
        public String toString() {
            return status == 0 ? failure : status + " " + body;
        }
    }

    private Answer send(String method, String url, Person person, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.attemptTimeout())
                .header("Authorization", TestTokens.bearer(person)).header("Accept-Language", "en");
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        ledger.attempts.incrementAndGet();
        inFlight.incrementAndGet();
        try {
            return Answer.of(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return new Answer(0, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        return Thread.ofPlatform().name(prefix + "-", 0).factory();
    }
}
