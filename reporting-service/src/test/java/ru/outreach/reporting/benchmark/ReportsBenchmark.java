package ru.outreach.reporting.benchmark;

import ru.outreach.events.appeals.AppealChannel;
import ru.outreach.events.appeals.InstructionState;
import ru.outreach.events.appeals.AppealState;
import ru.outreach.events.appeals.InstructionSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import ru.outreach.events.appeals.AppealsEvent.AppealAnswered;
import ru.outreach.events.appeals.AppealsEvent.AppealAssigned;
import ru.outreach.events.appeals.AppealsEvent.AppealRegistered;
import ru.outreach.events.appeals.InstructionsEvent.InstructionClosed;
import ru.outreach.events.appeals.InstructionsEvent.InstructionIssued;
import ru.outreach.events.appeals.InstructionsEvent.InstructionReported;
import ru.outreach.events.meetings.MeetingsEvent.GroupRegistered;
import ru.outreach.events.meetings.MeetingsEvent.MeetingHeld;
import ru.outreach.events.meetings.MeetingsEvent.MeetingPlanned;
import ru.outreach.events.meetings.MeetingsEvent.MinutesCounts;
import ru.outreach.events.meetings.MeetingsEvent.MinutesHandedOver;
import ru.outreach.events.meetings.MeetingsEvent.MinutesSigned;
import ru.outreach.reporting.it.IntegrationTest;
import ru.outreach.reporting.projection.AppealFacts;
import ru.outreach.reporting.projection.Cells;
import ru.outreach.reporting.projection.Envelope;
import ru.outreach.reporting.projection.InstructionFacts;
import ru.outreach.reporting.projection.Projection;
import ru.outreach.reporting.query.ReportService;
import ru.outreach.reporting.report.RebuildProgress;

/**
 * Prints: events applied per second by a rebuild that replays {@code bench.events} (50,000) events from the embedded
 * broker; then the yearly reports' latency p50/p95 over {@code bench.calls} calls with {@code bench.appeals}
 * (1,000,000) appeals and {@code bench.instructions} (200,000) instructions in the read models; heap after GC.
 * The volume is loaded by the projection's own pure function: facts are generated in memory, their
 * {@code cells()} summed and written with the same {@code $inc} upserts (the fact documents themselves are not
 * written unless {@code -Dbench.facts=true}: the reports never read appeal or instruction facts).
 * Run: {@code ./bench.sh -pl reporting-service}.
 */
@Tag("benchmark")
class ReportsBenchmark extends IntegrationTest {

    private static final String[] CATEGORIES = {"HOUSING", "ROADS", "IMPROVEMENT", "TRANSPORT", "SOCIAL_SUPPORT",
        "HEALTH", "EDUCATION", "PUBLIC_ORDER", "ECOLOGY", "TRADE", "CULTURE_SPORT", "OTHER"};
    private static final String[] CHANNELS = java.util.Arrays.stream(AppealChannel.values()).map(Enum::name)
            .toArray(String[]::new);

    @Autowired
    ReportService reports;
    @Autowired
    Projection projection;
    @Autowired
    MeterRegistry registry;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    private final Random random = new Random(42);

    @Test
    void reportsAtVolume() {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("%n=== reporting-service benchmark, %d cores, max heap %d MB ===%n", cores,
                Runtime.getRuntime().maxMemory() >> 20);
        rebuildRate(Integer.getInteger("bench.events", 50_000));
        int appeals = Integer.getInteger("bench.appeals", 1_000_000);
        int instructions = Integer.getInteger("bench.instructions", 200_000);
        long heapBefore = heapAfterGc();
        long start = System.nanoTime();
        load(appeals, instructions);
        System.out.printf("loaded %,d appeals and %,d instructions into the cells in %.1f s%n", appeals, instructions,
                (System.nanoTime() - start) / 1e9);
        long cells = ru.outreach.reporting.projection.Kinds.CELLS.stream()
                .mapToLong(kind -> mongo.getCollection(ru.outreach.reporting.projection.Kinds.collection(kind))
                        .countDocuments()).sum();
        System.out.printf("cell documents in the store: %,d%n", cells);
        int calls = Integer.getInteger("bench.calls", 50);
        time("appeals report (2026 vs 2025)", calls, () -> reports.appeals(2026));
        time("category territories drill-down", calls, () -> reports.categoryTerritories("ROADS", 2026));
        time("executors report (year)", calls, () -> reports.executors(2026, null));
        time("groups report (year)", calls, () -> reports.groups(2026, null));
        time("ranking (year)", calls, () -> reports.ranking(2026, null));
        time("HTTP GET /api/reports/appeals", calls, () -> get("/api/reports/appeals?year=2026", String.class));
        assertThat(reports.appeals(2026).totals().get(0).current()).isGreaterThan(appeals / 3.0);
        System.out.printf("heap after GC: %d MB before the load, %d MB after (the in-memory store included)%n%n",
                heapBefore >> 20, heapAfterGc() >> 20);
    }

    private void rebuildRate(int events) {
        List<Envelope> batch = events(events);
        long start = System.nanoTime();
        publish(batch);
        double applied0 = applied();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> applied() + ignored() >= batch.size());
        System.out.printf("live listener: %,d events produced and applied in %.1f s (%.0f events/s incl. producing)%n",
                batch.size(), (System.nanoTime() - start) / 1e9, batch.size() / ((System.nanoTime() - start) / 1e9));
        long rebuildStart = System.nanoTime();
        http.post().uri("/api/admin/rebuild").retrieve().toBodilessEntity();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> "DONE".equals(get("/api/admin/rebuild", RebuildProgress.class).state()));
        double seconds = (System.nanoTime() - rebuildStart) / 1e9;
        RebuildProgress done = get("/api/admin/rebuild", RebuildProgress.class);
        System.out.printf("rebuild: %,d events replayed in %.1f s = %.0f events/s (stop listener, drop, replay, "
                + "restart; applied before: %.0f)%n", done.applied(), seconds, done.applied() / seconds, applied0);
    }

    private double applied() {
        return registry.find("reporting.events.applied").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private double ignored() {
        return registry.find("reporting.events.ignored").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** Appeals (register, assign, answer), instructions (issue, report, close), meetings with minutes: 60/30/10 %. */
    private List<Envelope> events(int total) {
        List<Envelope> events = new ArrayList<>(total);
        for (int g = 0; g < 20; g++) {
            add(events, new GroupRegistered("bench-G" + g, 1, "Группа " + g, List.of("Территория " + g), 7, null));
        }
        int i = 0;
        while (events.size() < total) {
            String id = "bench-" + i;
            LocalDate day = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(180));
            switch (i % 10) {
                case 0 -> {
                    String group = "bench-G" + (i / 10 % 20);
                    add(events, new MeetingPlanned(id, 1, group, "Т", "ДК", "CLUB", day.atTime(18, 0), List.of()));
                    add(events, new MeetingHeld(id, 2, group, "Т", day.atTime(18, 0), 25, 2, day.plusDays(7)));
                    add(events, new MinutesSigned(id, 1, group, "Т", day, day.plusDays(2),
                            new MinutesCounts(3, 1, 2, 1, 1, 1)), "minutes");
                    add(events, new MinutesHandedOver(id, 2, group, "Т", day, day.plusDays(7), day.plusDays(6),
                            false), "minutes");
                }
                case 1, 2, 3 -> {
                    String dept = "Отдел " + random.nextInt(30);
                    add(events, new InstructionIssued(id, 1, InstructionState.ISSUED, dept, List.of(), InstructionSource.MEETING, "bench-" + (i / 10 * 10),
                            "Т", day, day.plusDays(30)));
                    add(events, new InstructionReported(id, 2, InstructionState.REPORTED, dept, day.plusDays(20), day.plusDays(30),
                            false));
                    add(events, new InstructionClosed(id, 3, InstructionState.CLOSED, dept, day.plusDays(22), day.plusDays(30),
                            false));
                }
                default -> {
                    AppealFacts a = appeal(id, day);
                    add(events, new AppealRegistered(id, 1, AppealState.REGISTERED, a.category(), a.territory(), a.channel(),
                            day, day, day.plusDays(3), day.plusDays(30), day.plusDays(7), true, false, false, null, null));
                    add(events, new AppealAssigned(id, 2, AppealState.ASSIGNED, a.category(), a.territory(), a.department(),
                            day, day.plusDays(30)));
                    add(events, new AppealAnswered(id, 3, AppealState.ANSWERED, a.category(), a.territory(), a.department(),
                            day.plusDays(random.nextInt(40)), day.plusDays(30), false, false));
                }
            }
            i++;
        }
        return events.subList(0, total);
    }

    private static void add(List<Envelope> events, ru.outreach.events.ContractEvent event) {
        add(events, event, ru.outreach.reporting.projection.EventReader.kindOf(event));
    }

    private static void add(List<Envelope> events, ru.outreach.events.ContractEvent event, String kind) {
        events.add(new Envelope(ru.outreach.events.Topics.of(event).name(), kind, event));
    }

    /** Facts generated in memory, summed by their own cells() into one delta, written in one go per 50,000. */
    private void load(int appeals, int instructions) {
        boolean facts = Boolean.getBoolean("bench.facts");
        Cells delta = new Cells();
        List<AppealFacts> appealDocs = new ArrayList<>();
        for (int i = 0; i < appeals; i++) {
            LocalDate registered = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(730));
            AppealFacts appeal = appeal("load-A" + i, registered);
            delta.addAll(appeal.cells());
            if (facts) {
                appealDocs.add(appeal);
                if (appealDocs.size() == 10_000) {
                    mongo.insert(appealDocs, "appeals");
                    appealDocs.clear();
                }
            }
        }
        List<InstructionFacts> instructionDocs = new ArrayList<>();
        for (int i = 0; i < instructions; i++) {
            LocalDate issued = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(730));
            boolean closed = random.nextInt(10) < 8;
            InstructionFacts instruction = new InstructionFacts("load-I" + i, 3, closed ? InstructionState.CLOSED : InstructionState.ISSUED,
                    "Отдел " + random.nextInt(30), random.nextBoolean() ? InstructionSource.MEETING : InstructionSource.OTHER,
                    "bench-" + (random.nextInt(500) * 10), "Территория " + random.nextInt(12), issued,
                    issued.plusDays(30), random.nextInt(4) == 0 ? 1 : 0,
                    closed ? issued.plusDays(random.nextInt(45)) : null, closed ? random.nextInt(5) == 0 : null,
                    List.of());
            delta.addAll(instruction.cells());
            if (facts) {
                instructionDocs.add(instruction);
                if (instructionDocs.size() == 10_000) {
                    mongo.insert(instructionDocs, "instructions");
                    instructionDocs.clear();
                }
            }
        }
        if (!appealDocs.isEmpty()) {
            mongo.insert(appealDocs, "appeals");
        }
        if (!instructionDocs.isEmpty()) {
            mongo.insert(instructionDocs, "instructions");
        }
        projection.addToCells(delta);
    }

    private AppealFacts appeal(String id, LocalDate registered) {
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        String territory = "Территория " + random.nextInt(20);
        AppealChannel channel = AppealChannel.valueOf(CHANNELS[random.nextInt(CHANNELS.length)]);
        int state = random.nextInt(20);
        LocalDate answered = state < 17 ? registered.plusDays(random.nextInt(40)) : null;
        return new AppealFacts(id, 3, answered != null ? AppealState.ANSWERED : AppealState.ASSIGNED, category, territory, channel,
                registered, registered, registered.plusDays(state == 0 ? 60 : 30), random.nextInt(10) == 0,
                "Отдел " + random.nextInt(30), registered.plusDays(1), answered, state == 0 ? 1 : 0,
                state == 18 ? registered.plusDays(5) : null, null, null, List.of());
    }

    private static void time(String what, int calls, Supplier<?> call) {
        for (int i = 0; i < 5; i++) {
            call.get();
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.get();
            micros.add((System.nanoTime() - start) / 1000);
        }
        micros.sort(null);
        System.out.printf("%-36s p50 %7.1f ms, p95 %7.1f ms, max %7.1f ms (%d calls)%n", what,
                micros.get(calls / 2) / 1000.0, micros.get((int) Math.ceil(calls * 0.95) - 1) / 1000.0,
                micros.get(calls - 1) / 1000.0, calls);
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

}
