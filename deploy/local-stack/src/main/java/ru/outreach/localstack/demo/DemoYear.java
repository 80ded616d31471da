package ru.outreach.localstack.demo;

import static ru.outreach.localstack.demo.Dictionary.CATEGORIES;
import static ru.outreach.localstack.demo.Dictionary.CONTROLLER;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntConsumer;

import tools.jackson.databind.JsonNode;

/**
 * Loads a demo of the current year and the one before through the public APIs: information groups, a few hundred
 * meetings with their minutes (some late, one quarter skipped), thousands of appeals and instructions in every state.
 * Deterministic for a seed. Run by {@code ./demo.sh}; options: --meetings URL --appeals URL --year Y --scale S
 * --seed N --threads T --issuer URL (the identity provider's realm; each step signs in as the person whose duty it is,
 * see {@link Api}) --password P.
 */
public final class DemoYear {

    private final Api api;
    private final String meetings;
    private final String appeals;
    private final int year;
    private final double scale;
    private final long seed;
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
    private final ExecutorService pool;
    private final List<String> intakeItems = Collections.synchronizedList(new ArrayList<>());

    private DemoYear(Map<String, String> options) {
        api = new Api(new Tokens(options.getOrDefault("issuer", "http://127.0.0.1:8180/realms/outreach"),
                options.getOrDefault("password", "demo")));
        meetings = options.getOrDefault("meetings", "http://127.0.0.1:8081") + "/api";
        appeals = options.getOrDefault("appeals", "http://127.0.0.1:8082") + "/api";
        year = Integer.parseInt(options.getOrDefault("year", String.valueOf(today.getYear())));
        scale = Double.parseDouble(options.getOrDefault("scale", "1"));
        seed = Long.parseLong(options.getOrDefault("seed", "2026"));
        pool = Executors.newFixedThreadPool(Integer.parseInt(options.getOrDefault("threads", "8")));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        DemoYear demo = new DemoYear(options);
        long started = System.nanoTime();
        try {
            demo.load();
        } finally {
            demo.pool.shutdownNow();
        }
        demo.summary((System.nanoTime() - started) / 1_000_000_000);
    }

    private void load() throws Exception {
        say("Loading a demo of %d and %d (scale %.2f, seed %d) into %s and %s", year - 1, year, scale, seed,
                meetings, appeals);
        List<String[]> groups = groups();
        List<int[]> plan = new ArrayList<>();
        for (int y = year - 1; y <= year; y++) {
            for (int quarter = 1; quarter <= 4; quarter++) {
                for (int g = 0; g < groups.size(); g++) {
                    int count = skippedQuarter(g, y, quarter) ? 0 : 2 + random(y * 100L + quarter * 10L + g).nextInt(4);
                    for (int k = 0; k < count; k++) {
                        plan.add(new int[] {g, y, quarter, k});
                    }
                }
            }
        }
        parallel("meetings", plan.size(), i -> {
            int[] p = plan.get(i);
            meeting(groups.get(p[0]), p[1], p[2], random(1_000_000L + i));
        });
        int appealCount = (int) Math.round(2200 * scale);
        parallel("appeals", 2 * appealCount, i -> appeal(i < appealCount ? year - 1 : year, random(2_000_000L + i)));
        int instructionCount = (int) Math.round(450 * scale);
        parallel("instructions", 2 * instructionCount,
                i -> instruction(i < instructionCount ? year - 1 : year, random(3_000_000L + i)));
        parallel("items from minutes", intakeItems.size(), i -> intakeItem(intakeItems.get(i), random(4_000_000L + i)));
    }

    // ---- groups and meetings ------------------------------------------------------------------------------------

    /** Group {id, name, territory1, territory2}. */
    private List<String[]> groups() {
        List<String[]> groups = new ArrayList<>();
        for (int g = 0; g < 10; g++) {
            String name = "Информационная группа № " + (g + 1);
            String first = Dictionary.TERRITORIES.get(g);
            String second = Dictionary.TERRITORIES.get((g + 10) % Dictionary.TERRITORIES.size());
            JsonNode created = api.post(meetings + "/groups", Map.of("name", name,
                    "leader", Map.of("fullName", Dictionary.LEADERS.get(g), "position", "заместитель Главы Администрации"),
                    "secretary", Map.of("fullName", Dictionary.SURNAMES.get(g) + " " + Dictionary.INITIALS.get(g % Dictionary.INITIALS.size()),
                            "position", "главный специалист"),
                    "members", List.of(Map.of("fullName", "Представитель УЖКХ", "position", "начальник отдела")),
                    "territories", List.of(first, second),
                    "formedOn", LocalDate.of(year - 1, 1, 1).minusDays(10 + 7L * g).toString(),
                    "invitedOrganisations", List.of("депутаты городской Думы", "прокуратура города", "ОМВД")));
            String id = created != null ? created.path("id").asString() : existingGroup(name);
            api.group(id, name);
            groups.add(new String[] {id, name, first, second});
        }
        say("groups: %d", groups.size());
        return groups;
    }

    private String existingGroup(String name) {
        JsonNode page = api.get(meetings + "/groups?size=100");
        for (JsonNode group : page.path("items")) {
            if (group.path("details").path("name").asString().equals(name)) {
                return group.path("id").asString();
            }
        }
        throw new IllegalStateException("Group " + name + " neither created nor found");
    }

    /** Group 7 skips the 2nd quarter of this year and group 8 the 3rd of the last: the quarterly rule is broken. */
    private boolean skippedQuarter(int group, int y, int quarter) {
        return group == 6 && y == year && quarter == 2 || group == 7 && y == year - 1 && quarter == 3;
    }

    private void meeting(String[] group, int y, int quarter, Random random) {
        LocalDate first = LocalDate.of(y, (quarter - 1) * 3 + 1, 1);
        LocalDate day = first.plusDays(random.nextInt(88));
        while (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        if (!day.isBefore(today)) {
            return;
        }
        String territory = group[2 + random.nextInt(2)];
        String at = day + "T" + (17 + random.nextInt(2)) + ":00:00";
        JsonNode planned = api.post(meetings + "/meetings", Map.of("groupId", group[0], "territory", territory,
                "venue", random.nextInt(4) == 0 ? Map.of("name", "Дом культуры «Шахтёр»", "kind", "CULTURE")
                        : Map.of("name", "МБОУ СОШ № " + (1 + random.nextInt(30)), "kind", "SCHOOL"),
                "scheduledAt", at, "invitedParticipants", List.of("депутат округа", "участковый уполномоченный")));
        if (planned == null) {
            return;
        }
        String meeting = meetings + "/meetings/" + planned.path("id").asString();
        if (random.nextInt(20) == 0) {
            api.post(meeting + "/cancellation", Map.of("reason", "Неблагоприятные погодные условия",
                    "cancelledOn", day.minusDays(1 + random.nextInt(3)).toString()));
            return;
        }
        api.post(meeting + "/venue-agreement", Map.of("agreedOn", day.minusDays(12).toString(), "agreedWith", "директор"));
        api.post(meeting + "/announcement", Map.of("announcedOn", day.minusDays(8).toString(),
                "channels", List.of("OFFICIAL_SITE", "NOTICE_BOARD", "MEDIA")));
        api.post(meeting + "/holding", Map.of("heldAt", at, "residentsAttended", 15 + random.nextInt(75),
                "officialsPresent", List.of("депутат городской Думы", "представитель прокуратуры", "участковый")));
        minutes(meeting, planned.path("id").asString(), day, random);
    }

    private void minutes(String meeting, String meetingId, LocalDate heldOn, Random random) {
        List<Map<String, Object>> cards = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            Dictionary.Category category = category(random);
            cards.add(Map.of("citizen", citizen(random, true), "question", category.question(), "category",
                    category.code()));
        }
        List<Map<String, Object>> written = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            Dictionary.Category category = category(random);
            written.add(Map.of("citizen", citizen(random, true), "summary", category.question(), "category",
                    category.code()));
        }
        List<Map<String, Object>> instructions = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            Dictionary.Category category = category(random);
            instructions.add(Map.of("text", instructionText(category), "executorDepartment", category.department(),
                    "dueOn", heldOn.plusDays(14 + random.nextInt(31)).toString()));
        }
        List<Map<String, Object>> questions = new ArrayList<>();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            questions.add(Map.of("text", category(random).question() + "?", "answer", "Дан ответ на встрече"));
        }
        int proposals = random.nextInt(3);
        List<Map<String, Object>> proposalList = new ArrayList<>();
        for (int i = 0; i < proposals; i++) {
            proposalList.add(Map.of("text", "Предложение жителей № " + (i + 1)));
        }
        List<Map<String, Object>> remarks = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            remarks.add(Map.of("text", "Замечание к работе управляющей компании"));
        }
        if (api.send(meeting + "/minutes", Map.of("questions", questions, "remarks", remarks,
                "proposals", proposalList, "receptionCards", cards, "writtenAppeals", written,
                "instructions", instructions), true) == null) {
            return;
        }
        LocalDate signedOn = min(heldOn.plusDays(random.nextInt(3)), today);
        if (api.post(meeting + "/minutes/signature", Map.of("signedOn", signedOn.toString())) == null) {
            return;
        }
        for (int i = 1; i <= cards.size(); i++) {
            intakeItems.add(meetingId + ":RC" + i);
        }
        for (int i = 1; i <= written.size(); i++) {
            intakeItems.add(meetingId + ":WA" + i);
        }
        for (int i = 1; i <= instructions.size(); i++) {
            intakeItems.add(meetingId + ":I" + i);
        }
        boolean late = random.nextInt(7) == 0;
        LocalDate handedOverOn = signedOn.plusDays(late ? 8 + random.nextInt(8) : 1 + random.nextInt(5));
        if (!handedOverOn.isAfter(today)) {
            api.post(meeting + "/minutes/hand-over", Map.of("handedOverOn", handedOverOn.toString()));
        }
        for (int i = 1; i <= proposals; i++) {
            LocalDate evaluatedOn = heldOn.plusDays(10 + random.nextInt(20));
            if (!evaluatedOn.isAfter(today) && random.nextInt(10) < 7) {
                String outcome = List.of("ACCEPTED", "INCLUDED_IN_PLAN", "REJECTED").get(random.nextInt(3));
                api.post(meeting + "/minutes/proposals/P" + i + "/evaluation",
                        Map.of("outcome", outcome, "evaluatedOn", evaluatedOn.toString()));
            }
        }
        LocalDate publishedOn = heldOn.plusDays(2 + random.nextInt(5));
        if (!publishedOn.isAfter(today) && random.nextInt(10) < 8) {
            api.post(meeting + "/minutes/results-publication", Map.of("publishedOn", publishedOn.toString(),
                    "publishedWhere", "официальный сайт Администрации города"));
        }
    }

    // ---- appeals ---------------------------------------------------------------------------------------------

    private void appeal(int y, Random random) {
        LocalDate receivedOn = LocalDate.of(y, 1, 1).plusDays(random.nextInt(365));
        if (!receivedOn.isBefore(today)) {
            return;
        }
        LocalDate registeredOn = min(receivedOn.plusDays(random.nextInt(20) == 0 ? 4 + random.nextInt(3)
                : random.nextInt(4)), today);
        Dictionary.Category category = category(random);
        boolean anonymous = random.nextInt(30) == 0;
        String channel = List.of("POST", "POST", "IN_PERSON", "ELECTRONIC", "ELECTRONIC").get(random.nextInt(5));
        Map<String, Object> body = new LinkedHashMap<>(Map.of("channel", channel, "receivedOn", receivedOn.toString(),
                "registeredOn", registeredOn.toString(), "text", category.question(), "category", category.code(),
                "territory", Dictionary.TERRITORIES.get(random.nextInt(Dictionary.TERRITORIES.size()))));
        if (!anonymous) {
            body.put("citizen", citizen(random, false));
        }
        JsonNode created = api.post(appeals + "/appeals", body);
        if (created != null) {
            process(created.path("id").asString(), registeredOn, category, anonymous, random);
        }
    }

    /** Takes an appeal through a plausible life up to today: most are answered in time, some late or still open. */
    private void process(String id, LocalDate registeredOn, Dictionary.Category category, boolean anonymous,
                         Random random) {
        String appeal = appeals + "/appeals/" + Api.encode(id);
        if (anonymous) {
            post(registeredOn.plusDays(2), on -> api.post(appeal + "/without-answer", Map.of("ground",
                    "NO_NAME_OR_ADDRESS", "note", "Не указаны фамилия или почтовый адрес", "decidedOn", on)));
            return;
        }
        if (random.nextInt(25) == 0) {
            LocalDate on = registeredOn.plusDays(1 + random.nextInt(9));
            post(on, day -> api.post(appeal + "/redirect", Map.of("competentBody", "Министерство ЖКХ Ростовской области",
                    "redirectedOn", day, "citizenNotifiedOn", day)));
            return;
        }
        LocalDate assignedOn = registeredOn.plusDays(1 + random.nextInt(2));
        if (!post(assignedOn, on -> api.post(appeal + "/assignment",
                Map.of("executorDepartment", category.department(), "assignedOn", on)))) {
            return;
        }
        int days = 5 + random.nextInt(24);
        if (random.nextInt(14) == 0) {
            post(registeredOn.plusDays(25), on -> api.post(appeal + "/extension", Map.of("days", 20 + random.nextInt(11),
                    "reason", "Требуется выезд на место и запрос в ресурсоснабжающую организацию",
                    "decidedOn", on, "citizenNotifiedOn", on)));
            days = 30 + random.nextInt(20);
        } else if (random.nextInt(9) == 0) {
            days = 31 + random.nextInt(15);
        }
        LocalDate answeredOn = registeredOn.plusDays(days);
        boolean answered = post(answeredOn, on -> api.post(appeal + "/answer", Map.of("text", "Дан ответ по существу",
                "answeredOn", on)));
        if (answered && random.nextBoolean()) {
            post(answeredOn.plusDays(1 + random.nextInt(5)), on -> api.post(appeal + "/closing",
                    Map.of("closedOn", on)));
        }
    }

    // ---- instructions ------------------------------------------------------------------------------------------

    private void instruction(int y, Random random) {
        LocalDate issuedOn = LocalDate.of(y, 1, 1).plusDays(random.nextInt(365));
        if (!issuedOn.isBefore(today)) {
            return;
        }
        Dictionary.Category category = category(random);
        LocalDate dueOn = issuedOn.plusDays(10 + random.nextInt(50));
        JsonNode issued = api.post(appeals + "/instructions", Map.of("text", instructionText(category),
                "executorDepartment", category.department(), "dueOn", dueOn.toString(),
                "source", "OTHER", "issuedOn", issuedOn.toString(),
                "territory", Dictionary.TERRITORIES.get(random.nextInt(Dictionary.TERRITORIES.size()))));
        if (issued != null) {
            api.instruction(issued.path("id").asString(), category.department());
            work(issued.path("id").asString(), issuedOn, dueOn, random);
        }
    }

    /** Accepted, sometimes extended, reported (some late), sometimes returned, closed by the controller. */
    private void work(String id, LocalDate issuedOn, LocalDate dueOn, Random random) {
        String instruction = appeals + "/instructions/" + Api.encode(id);
        if (!post(issuedOn.plusDays(1 + random.nextInt(3)), on -> api.post(instruction + "/acceptance",
                Map.of("acceptedOn", on)))) {
            return;
        }
        LocalDate due = dueOn;
        if (random.nextInt(12) == 0) {
            LocalDate requestedOn = dueOn.minusDays(3);
            LocalDate newDue = dueOn.plusDays(14 + random.nextInt(17));
            if (post(requestedOn, on -> api.post(instruction + "/extension-request", Map.of("reason",
                    "Необходимо дополнительное финансирование", "dueOn", newDue.toString(), "requestedOn", on)))
                    && post(requestedOn.plusDays(1), on -> api.post(instruction + "/extension-request/grant",
                    Map.of("decidedOn", on)))) {
                due = newDue;
            }
        }
        LocalDate reportedOn = due.plusDays(random.nextInt(6) == 0 ? 1 + random.nextInt(12) : -random.nextInt(8));
        if (!post(reportedOn, on -> api.post(instruction + "/reports", Map.of("text", "Выполнено",
                "reportedOn", on)))) {
            return;
        }
        LocalDate checkedOn = reportedOn.plusDays(1 + random.nextInt(4));
        if (random.nextInt(10) == 0) {
            if (!post(checkedOn, on -> api.post(instruction + "/return", Map.of("reason", "Отчёт неполный",
                    "returnedOn", on)))) {
                return;
            }
            checkedOn = checkedOn.plusDays(3);
            if (!post(checkedOn, on -> api.post(instruction + "/reports", Map.of("text", "Выполнено полностью",
                    "reportedOn", on)))) {
                return;
            }
            checkedOn = checkedOn.plusDays(1);
        }
        post(checkedOn, on -> api.post(instruction + "/closing", Map.of("closedOn", on)));
    }

    /** An appeal or instruction the appeals service took from signed minutes: worked like the others. */
    private void intakeItem(String id, Random random) {
        boolean isInstruction = id.matches(".*:I[0-9]+");
        JsonNode item = awaitItem(appeals + (isInstruction ? "/instructions/" : "/appeals/") + Api.encode(id));
        if (item == null) {
            return;
        }
        if (isInstruction) {
            api.instruction(id, item.path("executorDepartment").asString());
            work(id, LocalDate.parse(item.path("issuedOn").asString()), LocalDate.parse(item.path("dueOn").asString()),
                    random);
        } else {
            Dictionary.Category category = CATEGORIES.stream()
                    .filter(c -> c.code().equals(item.path("category").asString())).findFirst()
                    .orElse(CATEGORIES.getLast());
            LocalDate registeredOn = register(id, LocalDate.parse(item.path("receivedOn").asString()), random);
            if (registeredOn != null) {
                process(id, registeredOn, category, false, random);
            }
        }
    }

    /**
     * An appeal taken at a meeting waits in the general department's registration queue: registered within the
     * 3-day term mostly, sometimes late; null when that day has not come yet.
     */
    private LocalDate register(String id, LocalDate receivedOn, Random random) {
        LocalDate registeredOn = receivedOn.plusDays(random.nextInt(15) == 0 ? 4 + random.nextInt(3)
                : random.nextInt(4));
        boolean registered = post(registeredOn, on -> api.post(appeals + "/appeals/" + Api.encode(id)
                + "/registration", Map.of("registeredOn", on)));
        return registered ? registeredOn : null;
    }

    /** The intake is asynchronous: wait a little for the item to arrive. */
    private JsonNode awaitItem(String url) {
        for (int attempt = 0; attempt < 50; attempt++) {
            JsonNode item = api.get(url);
            if (item != null) {
                return item;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** Runs a step dated {@code day} only if that day has come; true if it ran and was accepted. */
    private boolean post(LocalDate day, Function<String, JsonNode> step) {
        return !day.isAfter(today) && step.apply(day.toString()) != null;
    }

    private Map<String, Object> citizen(Random random, boolean atReception) {
        String name = Dictionary.SURNAMES.get(random.nextInt(Dictionary.SURNAMES.size())) + " "
                + Dictionary.INITIALS.get(random.nextInt(Dictionary.INITIALS.size()));
        String address = Dictionary.STREETS.get(random.nextInt(Dictionary.STREETS.size())) + ", "
                + (1 + random.nextInt(60));
        return atReception && random.nextBoolean() ? Map.of("fullName", name, "postalAddress", address,
                "phone", "+7 900 " + (100 + random.nextInt(900)) + "-" + (10 + random.nextInt(90)) + "-"
                        + (10 + random.nextInt(90))) : Map.of("fullName", name, "postalAddress", address);
    }

    /** A generator for one entity: well mixed, so neighbouring keys do not draw alike. */
    private Random random(long key) {
        return new Random(new SplittableRandom(seed * 1_000_003L + key).nextLong());
    }

    private static Dictionary.Category category(Random random) {
        int total = CATEGORIES.stream().mapToInt(Dictionary.Category::weight).sum();
        int pick = random.nextInt(total);
        for (Dictionary.Category category : CATEGORIES) {
            pick -= category.weight();
            if (pick < 0) {
                return category;
            }
        }
        return CATEGORIES.getLast();
    }

    private static String instructionText(Dictionary.Category category) {
        return Dictionary.INSTRUCTION_TEXTS.getOrDefault(category.department(),
                "Рассмотреть обращение жителей и принять меры: " + category.question().toLowerCase());
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Runs {@code count} tasks on the pool, printing progress every two seconds. */
    private void parallel(String what, int count, IntConsumer task) throws Exception {
        AtomicInteger done = new AtomicInteger();
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
        progress.scheduleAtFixedRate(() -> say("%s: %d of %d", what, done.get(), count), 2, 2, TimeUnit.SECONDS);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                task.accept(index);
                done.incrementAndGet();
            }));
        }
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            progress.shutdownNow();
        }
        say("%s: %d done", what, count);
    }

    private void summary(long seconds) {
        say("Done in %d s: %d calls, %d refused, %d creates sent again with their Idempotency-Key.", seconds,
                api.calls.get(), api.refused.values().stream().mapToLong(AtomicLong::get).sum(), api.retried.get());
        api.refused.forEach((reason, count) -> say("  refused %5d × %s", count.get(), reason));
    }

    private static void say(String format, Object... args) {
        System.out.printf(format + "%n", args);
    }
}
