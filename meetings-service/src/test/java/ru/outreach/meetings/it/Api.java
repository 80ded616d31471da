package ru.outreach.meetings.it;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

import ru.outreach.testkit.JsonApi;
import ru.outreach.testkit.TestTokens;
import ru.outreach.testkit.TestTokens.Person;
import tools.jackson.databind.JsonNode;

/**
 * The REST API as a secretary's client uses it; every call returns status and body, never throws on 4xx. The groups
 * it registers are remembered, so that {@link #secretaryOf} acts as the secretary of one (whose token names it) and
 * {@link #planMeeting}, {@link #holdMeeting} act as the group's secretary by themselves.
 */
public final class Api extends JsonApi {

    /** Group id to name, of the groups registered through this class (tests share one store and context). */
    private static final Map<String, String> GROUPS = new ConcurrentHashMap<>();

    private final RestClient http;

    public Api(RestClient http) {
        super(http);
        this.http = http;
    }

    /** The same API called with {@code person}'s token. */
    @Override
    public Api as(Person person) {
        return new Api(http.mutate().requestInterceptors(interceptors -> {
            interceptors.removeIf(TestTokens.ActingAs.class::isInstance);
            interceptors.add(TestTokens.actingAs(person));
        }).build());
    }

    /** A secretary (duty {@code secretary} alone) whose token names the group {@code groupName}. */
    public static Person secretary(String groupName) {
        return new Person("secretary-" + Integer.toHexString(groupName.hashCode()), "Секретарь " + groupName,
                List.of("secretary"), groupName, null);
    }

    /** The API called by the secretary of a group registered through this class. */
    public Api secretaryOf(String groupId) {
        String name = GROUPS.get(groupId);
        if (name == null) {
            throw new IllegalArgumentException("Group " + groupId + " was not registered through Api");
        }
        return as(secretary(name));
    }

    /** A file the API answered, or its refusal: status, type, {@code Content-Disposition} and the bytes. */
    public record Download(int status, String contentType, String disposition, byte[] bytes) {

        /** The bytes as UTF-8 text: a refusal's problem details. */
        public JsonNode problem() {
            return JSON.readTree(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** A GET asking for {@code accept} (e.g. {@code application/pdf}); never throws on 4xx. */
    public Download download(String path, String accept) {
        return http.get().uri(path).header("Accept", accept).exchange((request, response) -> new Download(
                response.getStatusCode().value(), response.getHeaders().getFirst("Content-Type"),
                response.getHeaders().getFirst("Content-Disposition"), response.getBody().readAllBytes()));
    }

    // The steps of the secretary's work, with realistic bodies.

    /** Registers a group formed today (the service's default). */
    public String registerGroup(String name, String... territories) {
        return remember(name, ok(HttpMethod.POST, "/api/groups", group(name, territories)).path("id").asString());
    }

    /** Registers a group formed on {@code formedOn}. */
    public String registerGroup(String name, LocalDate formedOn, String... territories) {
        Map<String, Object> body = new HashMap<>(group(name, territories));
        body.put("formedOn", formedOn.toString());
        return remember(name, ok(HttpMethod.POST, "/api/groups", body).path("id").asString());
    }

    private static String remember(String name, String groupId) {
        GROUPS.put(groupId, name);
        return groupId;
    }

    public static Map<String, Object> group(String name, String... territories) {
        return Map.of(
                "name", name,
                "leader", Map.of("fullName", "Иванов Иван Иванович", "position", "заместитель Главы Администрации"),
                "secretary", Map.of("fullName", "Смирнова Ольга Петровна", "position", "главный специалист"),
                "members", List.of(Map.of("fullName", "Козлов Андрей", "position", "начальник УЖКХ")),
                "territories", List.of(territories),
                "invitedOrganisations", List.of("депутаты городской Думы", "прокуратура", "ОМВД"));
    }

    /** Plans a meeting as the group's secretary. */
    public String planMeeting(String groupId, String territory, LocalDateTime at) {
        return secretaryOf(groupId).ok(HttpMethod.POST, "/api/meetings", Map.of(
                "groupId", groupId, "territory", territory,
                "venue", Map.of("name", "МБОУ СОШ № 3", "address", "ул. Ленина, 10", "kind", "SCHOOL"),
                "scheduledAt", at.toString(),
                "invitedParticipants", List.of("депутат округа", "участковый")))
                .path("id").asString();
    }

    /** Plans, agrees, announces and holds a meeting at {@code heldAt} (in the past), as the group's secretary. */
    public String holdMeeting(String groupId, String territory, LocalDateTime heldAt) {
        String id = planMeeting(groupId, territory, heldAt);
        LocalDate before = heldAt.toLocalDate().minusDays(10);
        Api secretary = secretaryOf(groupId);
        secretary.ok(HttpMethod.POST, "/api/meetings/" + id + "/venue-agreement",
                Map.of("agreedOn", before.toString(), "agreedWith", "директор школы"));
        secretary.ok(HttpMethod.POST, "/api/meetings/" + id + "/announcement", Map.of("announcedOn", before.toString(),
                "channels", List.of("OFFICIAL_SITE", "NOTICE_BOARD"), "details", "объявления на досках"));
        secretary.ok(HttpMethod.POST, "/api/meetings/" + id + "/holding", Map.of("heldAt", heldAt.toString(),
                "residentsAttended", 37, "officialsPresent", List.of("депутат Петров", "участковый Сергеев")));
        return id;
    }

    public static Map<String, Object> minutesWithTwoCardsAndAnInstruction(LocalDate instructionDue) {
        return Map.of(
                "questions", List.of(Map.of("text", "Когда починят освещение?", "answer", "До конца месяца")),
                "remarks", List.of(Map.of("text", "Мусор вывозят нерегулярно")),
                "proposals", List.of(Map.of("text", "Установить детскую площадку")),
                "receptionCards", List.of(
                        Map.of("citizen", Map.of("fullName", "Петрова Анна Сергеевна",
                                        "postalAddress", "ул. Шахтёрская, 3, кв. 7", "phone", "+7 900 111-22-33"),
                                "question", "Протекает крыша", "category", "HOUSING"),
                        Map.of("citizen", Map.of("fullName", "Сидоров Пётр Николаевич", "email", "sidorov@example.ru"),
                                "question", "Яма во дворе", "category", "ROADS")),
                "writtenAppeals", List.of(Map.of("citizen", Map.of("fullName", "Кузнецова Мария Ильинична",
                                "postalAddress", "ул. Мира, 5"), "summary", "Ремонт тротуара", "category", "ROADS")),
                "instructions", List.of(Map.of("text", "Проверить освещение ул. Шахтёрской",
                        "executorDepartment", "Управление ЖКХ", "dueOn", instructionDue.toString())));
    }

    /** Words of the citizens in {@link #minutesWithTwoCardsAndAnInstruction}: none may leave on meetings.v1. */
    public static final List<String> PERSONAL_DATA = List.of("Петрова", "Сидоров", "Кузнецова", "Шахтёрская, 3",
            "111-22-33", "sidorov@example.ru", "ул. Мира, 5");
}
