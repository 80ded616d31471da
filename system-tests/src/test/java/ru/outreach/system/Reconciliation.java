package ru.outreach.system;

import static ru.outreach.system.Http.HEAD;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;

import tools.jackson.databind.JsonNode;

/**
 * What the owners hold, read from their databases in the store with the MongoDB driver (appeals-service's
 * {@code appeals} and {@code instructions}, meetings-service's {@code meetings}, {@code minutes} and {@code groups}),
 * set against what the load was told ({@link Ledger}) and against what the reporting service's reports say; and the
 * dead-letter topics on the broker.
 */
final class Reconciliation implements AutoCloseable {

    private static final Pattern MARKER = Pattern.compile("\\[load:([0-9a-f-]{36})]");
    /** The collections that carry an outbox, as {@code database.collection}. */
    static final List<String> OUTBOX_COLLECTIONS = List.of("appeals.appeals", "appeals.instructions",
            "meetings.meetings", "meetings.minutes", "meetings.groups");

    private final MongoClient mongo;
    private final Admin kafka;
    private final String reports;
    private final int year;

    Reconciliation(String storeUri, String bootstrapServers, String reportingUrl, int year) {
        this.mongo = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(storeUri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(2, TimeUnit.SECONDS)
                        .readTimeout(30, TimeUnit.SECONDS))
                .retryWrites(false).build());
        this.kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
        this.reports = reportingUrl + "/api/reports";
        this.year = year;
    }

    /** The owners' documents, as far as the suite needs them. */
    record Owners(Map<String, Document> appeals, Map<String, Integer> appealCopies, Map<String, Integer> cardsOfMeeting,
                  Map<String, Document> instructions, Map<String, Integer> instructionsOfMeeting,
                  Map<String, Document> meetings, Map<String, Integer> meetingCopies, Map<String, Document> minutes,
                  Map<String, Long> outboxPending) {

        long outboxTotal() {
            return outboxPending.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    Owners owners() {
        MongoDatabase appealsDb = mongo.getDatabase("appeals");
        MongoDatabase meetingsDb = mongo.getDatabase("meetings");
        Map<String, Document> appeals = new HashMap<>();
        Map<String, Integer> appealCopies = new HashMap<>();
        Map<String, Integer> cardsOfMeeting = new HashMap<>();
        each(appealsDb, "appeals", List.of("state", "channel", "receivedOn", "text", "sourceMeetingId", "answer",
                "assignment", "closing"), appeal -> {
                    appeals.put(appeal.getString("_id"), appeal);
                    String key = key(appeal.getString("text"));
                    if (key != null) {
                        appealCopies.merge(key, 1, Integer::sum);
                    }
                    String meeting = appeal.getString("sourceMeetingId");
                    if (meeting != null) {
                        cardsOfMeeting.merge(meeting, 1, Integer::sum);
                    }
                });
        Map<String, Document> instructions = new HashMap<>();
        Map<String, Integer> instructionsOfMeeting = new HashMap<>();
        each(appealsDb, "instructions", List.of("source", "sourceId", "executorDepartment", "issuedOn"),
                instruction -> {
                    instructions.put(instruction.getString("_id"), instruction);
                    if ("MEETING".equals(instruction.getString("source"))) {
                        instructionsOfMeeting.merge(instruction.getString("sourceId"), 1, Integer::sum);
                    }
                });
        Map<String, Document> meetings = new HashMap<>();
        Map<String, Integer> meetingCopies = new HashMap<>();
        each(meetingsDb, "meetings", List.of("status", "meetingDay", "invitedParticipants"), meeting -> {
            meetings.put(meeting.getString("_id"), meeting);
            for (Object participant : meeting.getList("invitedParticipants", Object.class, List.of())) {
                String key = key(String.valueOf(participant));
                if (key != null) {
                    meetingCopies.merge(key, 1, Integer::sum);
                }
            }
        });
        Map<String, Document> minutes = new HashMap<>();
        each(meetingsDb, "minutes", List.of("status", "heldOn", "content"), m -> minutes.put(m.getString("_id"), m));
        Map<String, Long> outbox = new TreeMap<>();
        for (String collection : OUTBOX_COLLECTIONS) {
            String[] parts = collection.split("\\.");
            long[] pending = {0};
            each(mongo.getDatabase(parts[0]), parts[1], List.of("outbox"),
                    document -> pending[0] += document.getList("outbox", Object.class, List.of()).size());
            outbox.put(collection, pending[0]);
        }
        return new Owners(appeals, appealCopies, cardsOfMeeting, instructions, instructionsOfMeeting, meetings,
                meetingCopies, minutes, outbox);
    }

    private static void each(MongoDatabase database, String collection, List<String> fields,
                             Consumer<Document> action) {
        database.getCollection(collection).find().projection(Projections.include(fields)).batchSize(2000)
                .forEach(action);
    }

    private static String key(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = MARKER.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The figures the reporting service must agree on

    /** The owners' counts under the names of the reports' figures, for the suite's year. */
    Map<String, Long> ownersFigures(Owners owners) {
        Map<String, Long> figures = new TreeMap<>();
        String y = String.valueOf(year);
        for (Document appeal : owners.appeals().values()) {
            if (!y.equals(year(appeal.get("receivedOn")))) {
                continue;
            }
            boolean answered = appeal.get("answer") != null;
            add(figures, "appeals/totals/appeals", 1);
            add(figures, "appeals/totals/answered", answered ? 1 : 0);
            add(figures, "appeals/byChannel/" + appeal.getString("channel"), 1);
            Document assignment = appeal.get("assignment", Document.class);
            if (assignment != null && y.equals(year(assignment.get("assignedOn")))) {
                String department = assignment.getString("executorDepartment");
                add(figures, "executors/" + department + "/appealsAssigned", 1);
                add(figures, "executors/" + department + "/appealsAnswered", answered ? 1 : 0);
            }
        }
        for (Document instruction : owners.instructions().values()) {
            if (!y.equals(year(instruction.get("issuedOn")))) {
                continue;
            }
            add(figures, "executors/" + instruction.getString("executorDepartment") + "/instructionsAssigned", 1);
            if ("MEETING".equals(instruction.getString("source"))) {
                add(figures, "groups/total/instructionsGiven", 1);
            }
        }
        for (Document meeting : owners.meetings().values()) {
            if (!y.equals(year(meeting.get("meetingDay")))) {
                continue;
            }
            add(figures, "groups/total/meetingsPlanned", 1);
            add(figures, "groups/total/meetingsHeld", "HELD".equals(meeting.getString("status")) ? 1 : 0);
        }
        for (Document m : owners.minutes().values()) {
            if (!y.equals(year(m.get("heldOn")))) {
                continue;
            }
            Document content = m.get("content", Document.class);
            add(figures, "groups/total/receptionCards",
                    content == null ? 0 : content.getList("receptionCards", Object.class, List.of()).size());
        }
        return figures;
    }

    /** The same figures as the reporting service's reports give them (the head's view). */
    Map<String, Long> reportingFigures() {
        Map<String, Long> figures = new TreeMap<>();
        JsonNode appeals = Http.ok(Http.get(HEAD, reports + "/appeals?year=" + year));
        for (JsonNode figure : appeals.path("totals")) {
            String key = figure.path("key").asString();
            if (key.equals("appeals") || key.equals("answered")) {
                figures.put("appeals/totals/" + key, figure.path("current").asLong());
            }
        }
        for (JsonNode figure : appeals.path("byChannel")) {
            figures.put("appeals/byChannel/" + figure.path("key").asString(), figure.path("current").asLong());
        }
        JsonNode executors = Http.ok(Http.get(HEAD, reports + "/executors?year=" + year));
        for (JsonNode row : executors.path("executors")) {
            String department = row.path("department").asString();
            for (String field : List.of("instructionsAssigned", "appealsAssigned", "appealsAnswered")) {
                figures.put("executors/" + department + "/" + field, row.path(field).asLong());
            }
        }
        JsonNode total = Http.ok(Http.get(HEAD, reports + "/groups?year=" + year)).path("total");
        for (String field : List.of("meetingsPlanned", "meetingsHeld", "receptionCards", "instructionsGiven")) {
            figures.put("groups/total/" + field, total.path(field).asLong());
        }
        return figures;
    }

    /** Where the two differ: {@code figure: owner X, reporting Y} (a missing figure counts as 0). */
    static List<String> differences(Map<String, Long> owners, Map<String, Long> reporting) {
        Set<String> names = new TreeSet<>(owners.keySet());
        names.addAll(reporting.keySet());
        List<String> differences = new ArrayList<>();
        for (String name : names) {
            long owner = owners.getOrDefault(name, 0L);
            long reported = reporting.getOrDefault(name, 0L);
            if (owner != reported) {
                differences.add(name + ": owner " + owner + ", reporting " + reported);
            }
        }
        return differences;
    }

    /**
     * Records in the dead-letter topics ({@code <topic>.DLT}): input that a consumer gave up on after its bounded
     * retries, which its owner then never applied.
     */
    long deadLetters() {
        try {
            Set<String> topics = new TreeSet<>(kafka.listTopics().names().get(10, TimeUnit.SECONDS));
            topics.removeIf(topic -> !topic.endsWith(".DLT"));
            if (topics.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            kafka.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()
                    .forEach(topic -> topic.partitions().forEach(partition -> latest.put(
                            new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
            return kafka.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the dead-letter topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Lost and doubled

    /** Acknowledged items missing from their owner, and items found more than once (label → extra copies). */
    record Findings(Set<String> lost, Map<String, Integer> doubled, Set<String> intakeMissing) {
        int doubledCopies() {
            return doubled.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    static Findings findings(Ledger ledger, Owners owners) {
        Set<String> lost = new TreeSet<>();
        Map<String, Integer> doubled = new TreeMap<>();
        Set<String> intakeMissing = new TreeSet<>();
        for (Ledger.Created appeal : ledger.appeals.values()) {
            if (!owners.appeals().containsKey(appeal.id())) {
                lost.add("appeal " + appeal.id() + " (key " + appeal.key() + ")");
            }
        }
        for (Ledger.Created meeting : ledger.meetings.values()) {
            if (!owners.meetings().containsKey(meeting.id())) {
                lost.add("meeting " + meeting.id() + " (key " + meeting.key() + ")");
            }
        }
        // a create acknowledged or in doubt, found more than once under its key
        owners.appealCopies().forEach((key, copies) -> {
            if (copies > 1) {
                doubled.put("appeal key " + key, copies - 1);
            }
        });
        owners.meetingCopies().forEach((key, copies) -> {
            if (copies > 1) {
                doubled.put("meeting key " + key, copies - 1);
            }
        });
        for (Ledger.Step signed : ledger.signedMinutes.values()) {
            String meeting = signed.id();
            Document minutes = owners.minutes().get(meeting);
            if (minutes == null || !Set.of("SIGNED", "HANDED_OVER").contains(minutes.getString("status"))) {
                lost.add("signature of the minutes of " + meeting);
            }
            for (String card : List.of(meeting + ":RC1", meeting + ":RC2")) {
                if (!owners.appeals().containsKey(card)) {
                    intakeMissing.add("reception card " + card);
                }
            }
            if (!owners.instructions().containsKey(meeting + ":I1")) {
                intakeMissing.add("instruction " + meeting + ":I1");
            }
        }
        owners.cardsOfMeeting().forEach((meeting, cards) -> {
            if (cards > 2) {
                doubled.put("reception cards of meeting " + meeting, cards - 2);
            }
        });
        owners.instructionsOfMeeting().forEach((meeting, count) -> {
            if (count > 1) {
                doubled.put("instructions of meeting " + meeting, count - 1);
            }
        });
        for (Ledger.Step answer : ledger.answers.values()) {
            Document appeal = owners.appeals().get(answer.id());
            if (appeal != null && appeal.get("answer") == null) {
                lost.add("answer of appeal " + answer.id());
            }
        }
        for (Ledger.Step closing : ledger.closings.values()) {
            Document appeal = owners.appeals().get(closing.id());
            if (appeal != null && !"CLOSED".equals(appeal.getString("state"))) {
                lost.add("closing of appeal " + closing.id());
            }
        }
        return new Findings(lost, doubled, intakeMissing);
    }

    private static String year(Object isoDate) {
        String text = isoDate == null ? "" : isoDate.toString();
        return text.length() >= 4 ? text.substring(0, 4) : "";
    }

    private static void add(Map<String, Long> figures, String name, long value) {
        figures.merge(name, value, Long::sum);
    }

    @Override
    public void close() {
        kafka.close(Duration.ofSeconds(5));
        mongo.close();
    }
}
