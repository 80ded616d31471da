package ru.outreach.localstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' REST APIs, called as a user's client would, each step by the person whose duty it is (README, "Who
 * may do what"): the group's secretary ({@code secretaryN} for «Информационная группа № N}) for its meetings and
 * minutes, {@code admin} for the groups, {@code controller} for the hand-over and the instructions' issue, return,
 * closing and extensions, {@code clerk} for the appeals and the publication of results, the executor of the
 * instruction's department ({@link Dictionary#EXECUTORS}) for the executors' steps. A refused call (4xx) is counted by its problem type and does not stop the
 * load: the summary at the end shows what was refused and why. Every create carries an {@code Idempotency-Key} (a
 * new UUID each), so that its retries after a lost answer create nothing twice.
 */
final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern MEETING = Pattern.compile("/api/meetings/([^/?]+)");
    private static final Pattern INSTRUCTION = Pattern.compile("/api/instructions/([^/?]+)");
    private static final Pattern GROUP_NUMBER = Pattern.compile("№ (\\d+)$");
    /** The creates, which carry an Idempotency-Key and are retried with it. */
    private static final Pattern CREATE = Pattern.compile("/api/(groups|meetings|appeals|instructions)$");
    private static final Set<Integer> GATEWAY_ERRORS = Set.of(502, 503, 504);
    private static final int RETRIES = 3;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Tokens tokens;
    /** Group id → its secretary's username; meeting id → its group id. */
    private final Map<String, String> secretaries = new ConcurrentHashMap<>();
    private final Map<String, String> meetingGroups = new ConcurrentHashMap<>();
    /** Instruction id → its executor department. */
    private final Map<String, String> instructionDepartments = new ConcurrentHashMap<>();
    final AtomicLong calls = new AtomicLong();
    /** Creates sent again with their Idempotency-Key after a lost answer. */
    final AtomicLong retried = new AtomicLong();
    final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();

    Api(Tokens tokens) {
        this.tokens = tokens;
    }

    /** The group's secretary in the realm: {@code secretaryN} for «Информационная группа № N». */
    void group(String groupId, String name) {
        Matcher number = GROUP_NUMBER.matcher(name);
        secretaries.put(groupId, number.find() ? "secretary" + number.group(1) : "secretary-west");
    }

    /** The department whose executor reports on the instruction. */
    void instruction(String instructionId, String department) {
        instructionDepartments.put(instructionId, department);
    }

    /**
     * POST (or PUT when {@code put}) of a JSON body; the answer's body, or null when refused. A create (a group, a
     * meeting, an appeal, an instruction) carries an {@code Idempotency-Key} of its own and is retried with the same
     * key when the answer is lost (a timeout, a dropped connection) or the service is briefly away (502, 503, 504):
     * the service creates it once however many attempts reach it.
     */
    JsonNode send(String url, Object body, boolean put) {
        HttpRequest.BodyPublisher json = HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .header("Authorization", tokens.bearer(person(url, body)));
        boolean create = !put && CREATE.matcher(url).find();
        if (create) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        JsonNode answer = exchange(put ? request.PUT(json) : request.POST(json), url, create ? RETRIES : 0);
        if (answer != null && url.endsWith("/api/meetings") && body instanceof Map<?, ?> plan) {
            meetingGroups.put(answer.path("id").asString(), String.valueOf(plan.get("groupId")));
        }
        return answer;
    }

    /** Whose duty the step is. */
    private String person(String url, Object body) {
        String path = url.replaceAll("\\?.*", "");
        if (path.endsWith("/api/groups") || path.contains("/api/groups/")) {
            return "admin";
        }
        if (path.endsWith("/minutes/hand-over")) {
            return "controller";
        }
        if (path.contains("/api/appeals")) {
            return "clerk";
        }
        if (path.endsWith("/api/meetings") && body instanceof Map<?, ?> plan) {
            return secretaries.getOrDefault(String.valueOf(plan.get("groupId")), "secretary1");
        }
        Matcher meeting = MEETING.matcher(path);
        if (meeting.find()) {
            return secretaries.getOrDefault(meetingGroups.getOrDefault(meeting.group(1), ""), "secretary1");
        }
        if (path.endsWith("/acceptance") || path.endsWith("/reports") || path.endsWith("/extension-request")) {
            Matcher instruction = INSTRUCTION.matcher(path);
            String department = instruction.find()
                    ? instructionDepartments.get(URLDecoder.decode(instruction.group(1), StandardCharsets.UTF_8)) : null;
            return Dictionary.EXECUTORS.getOrDefault(department, "executor-housing");
        }
        return "controller";
    }

    JsonNode post(String url, Object body) {
        return send(url, body, false);
    }

    JsonNode get(String url) {
        return exchange(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", tokens.bearer(person(url, null))).GET(), url);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode exchange(HttpRequest.Builder request, String url) {
        return exchange(request, url, 0);
    }

    /**
     * Sends, and sends the very same request (its Idempotency-Key too) again up to {@code retries} times when the
     * answer is lost or the service is briefly away, waiting a second more each time.
     */
    private JsonNode exchange(HttpRequest.Builder request, String url, int retries) {
        HttpRequest built = request.build();
        for (int attempt = 0; ; attempt++) {
            calls.incrementAndGet();
            HttpResponse<String> response;
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt < retries) {
                    pause(attempt + 1);
                    continue;
                }
                throw new IllegalStateException("Cannot reach " + url + ": " + e.getMessage()
                        + ". Is the stack running (./run.sh)?", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (attempt < retries && GATEWAY_ERRORS.contains(response.statusCode())) {
                pause(attempt + 1);
                continue;
            }
            if (response.statusCode() / 100 == 2) {
                return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            }
            String reason = response.statusCode() + " " + problemType(response.body()) + " at "
                    + url.replaceAll("/[0-9a-f-]{36}(:[A-Z]+[0-9]+)?", "/{id}").replaceAll("\\?.*", "");
            refused.computeIfAbsent(reason, key -> new AtomicLong()).incrementAndGet();
            return null;
        }
    }

    /** Before a retry: counted, and a pause of some seconds. */
    private void pause(int seconds) {
        retried.incrementAndGet();
        try {
            Thread.sleep(Duration.ofSeconds(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String problemType(String body) {
        try {
            return JSON.readTree(body).path("type").asString().replace("urn:outreach:problem:", "");
        } catch (RuntimeException e) {
            return "unreadable answer";
        }
    }
}
