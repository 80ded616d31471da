package ru.outreach.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.outreach.system.Http.ADMINISTRATOR;
import static ru.outreach.system.Http.ok;
import static ru.outreach.system.Http.post;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import ru.outreach.system.Reconciliation.Findings;
import ru.outreach.system.Reconciliation.Owners;

/**
 * Issue 10, the fault-injection suite: the Kafka broker, the embedded store and the three services, each its own
 * process ({@link FaultStack}), under a bounded mixed load ({@link MixedLoad}: appeals by HTTP, meetings whose signed
 * minutes carry two reception cards and an instruction, assignments, answers and closings). One phase without a
 * fault, then for each of store, broker, appeals-service, meetings-service and reporting-service in turn: the load
 * runs, the process is killed with SIGKILL while requests are in flight, started again on the same ports and data,
 * the load runs on a little, stops, and the suite waits (at most {@link #CATCH_UP_BOUND}) until every part has caught
 * up: no event left in an outbox, every signed minutes' reception cards and instruction in the appeals service, and
 * the reporting service's figures equal to the owners' counts. Then it reconciles every acknowledged appeal, meeting,
 * reception card, instruction, answer and closing with the owners' databases: present (not lost) and present once
 * (not doubled).
 * <p>
 * It prints a table (fault, acknowledged, lost, doubled, catch-up seconds…) and writes it to
 * {@code target/fault-injection.txt}; it fails on any loss, any double, any part not caught up within the bound.
 * Bounded in count and time ({@code faults.*} system properties, see {@link MixedLoad.Settings}); talks only to
 * 127.0.0.1; stops its processes at the end.
 */
class FaultInjectionIT {

    /** How long the parts may take to catch up once the load has stopped. */
    static final Duration CATCH_UP_BOUND = Duration.ofSeconds(Long.getLong("faults.catchUpSeconds", 90));
    /** HTTP appeals acknowledged in a phase before the kill, and again after the restart, before the load stops. */
    private static final long APPEALS_BEFORE_KILL = Long.getLong("faults.appealsBeforeKill", 40);
    private static final long APPEALS_AFTER_RESTART = Long.getLong("faults.appealsAfterRestart", 40);
    /** How long the load may take to finish what is in flight once it is told to stop. */
    private static final Duration DRAIN = Duration.ofSeconds(100);
    private static final Path REPORT = Path.of("target", "fault-injection.txt");
    private static final Path DIR = Path.of("target", "system-tests", "faults");
    private static final String TERRITORY = "Нагрузочный";

    /** One line of the table. */
    record Row(String fault, long pid, int inFlightAtKill, double restartSeconds, long acknowledged, long inDoubt,
               Set<String> lost, Map<String, Integer> doubled, boolean caughtUp, double catchUpSeconds,
               String partsCaughtUp, List<String> reportingDifferences, Map<String, Long> outboxLeft,
               boolean drained, List<String> refusals) {

        int doubledCopies() {
            return doubled.values().stream().mapToInt(Integer::intValue).sum();
        }

        boolean failed() {
            return !lost.isEmpty() || !doubled.isEmpty() || !caughtUp || !drained || !refusals.isEmpty();
        }
    }

    private final Ledger ledger = new Ledger();
    /** What earlier rows reported, so that each row shows what its own fault caused. */
    private final Set<String> reportedLost = new HashSet<>();
    private final Set<String> reportedDoubled = new HashSet<>();
    private int reportedRefusals;

    @Test
    void everyAcknowledgedItemSurvivesTheKillOfEachProcessExactlyOnceAndReportingCatchesUp() {
        long suiteStarted = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        String table = null;
        try (FaultStack stack = FaultStack.start(DIR)) {
            double startSeconds = seconds(suiteStarted);
            LocalDate today = stack.today();
            List<MixedLoad.Group> groups = List.of(group(stack, "Группа нагрузки № 1"),
                    group(stack, "Группа нагрузки № 2"));
            MixedLoad load = new MixedLoad(stack.appeals.url(), stack.meetings.url(), groups, today, ledger,
                    MixedLoad.Settings.fromSystemProperties());
            try (Reconciliation reconciliation = new Reconciliation(stack.store.address(), stack.reporting.url(),
                    today.getYear())) {
                rows.add(phase("none", null, load, reconciliation));
                for (FaultStack.Part part : stack.parts()) {
                    rows.add(phase(part.name(), part, load, reconciliation));
                }
            } finally {
                load.stop(Duration.ofSeconds(5)); // when a phase broke off with the load running
            }
            table = table(rows, startSeconds, seconds(suiteStarted));
        } finally {
            if (table == null) {
                table = table(rows, Double.NaN, seconds(suiteStarted)) + "\nThe suite stopped early (see the error).\n";
            }
            System.out.println(table);
            write(table);
        }
        assertThat(rows).as("rows that lost, doubled or did not catch up; the table:%n%s", table)
                .filteredOn(Row::failed).extracting(Row::fault).isEmpty();
    }

    private MixedLoad.Group group(FaultStack stack, String name) {
        String id = ok(post(ADMINISTRATOR, stack.meetings.url() + "/api/groups", Map.of("name", name,
                "leader", Map.of("fullName", "Иванов Иван Иванович"),
                "secretary", Map.of("fullName", "Смирнова Ольга Петровна"),
                "territories", List.of(TERRITORY)))).path("id").asString();
        return new MixedLoad.Group(id, name);
    }

    /** Load, SIGKILL of {@code part} (none for the first phase), restart, load, stop, catch up, reconcile. */
    private Row phase(String fault, FaultStack.Part part, MixedLoad load, Reconciliation reconciliation) {
        load.start(fault);
        await(fault + ": " + APPEALS_BEFORE_KILL + " appeals acknowledged before the kill")
                .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> ledger.appealsIn(fault) >= APPEALS_BEFORE_KILL);
        long pid = -1;
        int inFlight = -1;
        double restartSeconds = Double.NaN;
        if (part != null) {
            pid = part.pid();
            inFlight = load.inFlight();
            part.kill();
            long restarting = System.nanoTime();
            part.restart();
            restartSeconds = seconds(restarting);
        }
        long mark = ledger.appealsIn(fault);
        await(fault + ": " + APPEALS_AFTER_RESTART + " more appeals acknowledged after the restart")
                .atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(100))
                .until(() -> ledger.appealsIn(fault) >= mark + APPEALS_AFTER_RESTART);
        boolean drained = load.stop(DRAIN);

        long stopped = System.nanoTime();
        AtomicReference<Owners> owners = new AtomicReference<>();
        AtomicReference<List<String>> differences = new AtomicReference<>(List.of("not read"));
        double[] firstCaughtUp = {Double.NaN, Double.NaN, Double.NaN}; // outbox, intake, reporting
        boolean caughtUp;
        try {
            await(fault + ": caught up").atMost(CATCH_UP_BOUND).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                        Owners now = reconciliation.owners();
                        owners.set(now);
                        boolean outbox = now.outboxTotal() == 0;
                        boolean intake = Reconciliation.findings(ledger, now).intakeMissing().isEmpty();
                        List<String> diff = Reconciliation.differences(reconciliation.ownersFigures(now),
                                reconciliation.reportingFigures());
                        differences.set(diff);
                        first(firstCaughtUp, 0, outbox, stopped);
                        first(firstCaughtUp, 1, intake, stopped);
                        first(firstCaughtUp, 2, diff.isEmpty(), stopped);
                        return outbox && intake && diff.isEmpty();
                    });
            caughtUp = true;
        } catch (ConditionTimeoutException e) {
            caughtUp = false;
        }
        double catchUpSeconds = seconds(stopped);
        Owners last = owners.get() != null ? owners.get() : reconciliation.owners();
        Findings findings = Reconciliation.findings(ledger, last);
        Set<String> lost = new TreeSet<>(findings.lost());
        lost.addAll(findings.intakeMissing()); // still missing after the bound: lost
        lost.removeAll(reportedLost);
        reportedLost.addAll(lost);
        Map<String, Integer> doubled = new java.util.TreeMap<>(findings.doubled());
        doubled.keySet().removeAll(reportedDoubled);
        reportedDoubled.addAll(doubled.keySet());
        List<String> refusals = ledger.refusals();
        List<String> newRefusals = refusals.subList(Math.min(reportedRefusals, refusals.size()), refusals.size());
        reportedRefusals = refusals.size();
        String parts = "outbox %s, intake %s, reporting %s".formatted(format(firstCaughtUp[0]),
                format(firstCaughtUp[1]), format(firstCaughtUp[2]));
        return new Row(fault, pid, inFlight, restartSeconds, ledger.acknowledgedIn(fault), ledger.inDoubtIn(fault),
                lost, doubled, caughtUp, catchUpSeconds, parts, caughtUp ? List.of() : differences.get(),
                last.outboxPending(), drained, List.copyOf(newRefusals));
    }

    private static void first(double[] times, int part, boolean holds, long since) {
        if (holds && Double.isNaN(times[part])) {
            times[part] = seconds(since);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The table

    private String table(List<Row> rows, double startSeconds, double runSeconds) {
        StringBuilder out = new StringBuilder();
        out.append("Fault injection (issue 10): SIGKILL of each process under load, restart, catch-up within ")
                .append(CATCH_UP_BOUND.toSeconds()).append(" s, reconciliation\n\n");
        String format = "%-18s | %8s | %9s | %9s | %12s | %8s | %4s | %7s | %10s | %s%n";
        out.append(String.format(Locale.ROOT, format, "fault", "pid", "in flight", "restart s", "acknowledged",
                "in doubt", "lost", "doubled", "catch-up s", "result"));
        out.append("-".repeat(120)).append('\n');
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, format, row.fault(), row.pid() < 0 ? "-" : row.pid(),
                    row.inFlightAtKill() < 0 ? "-" : row.inFlightAtKill(), format(row.restartSeconds()),
                    row.acknowledged(), row.inDoubt(), row.lost().size(), row.doubledCopies(),
                    row.caughtUp() ? format(row.catchUpSeconds()) : "> " + CATCH_UP_BOUND.toSeconds(),
                    row.failed() ? "FAIL" : "ok"));
        }
        out.append('\n');
        for (Row row : rows) {
            out.append(row.fault()).append(": caught up (seconds after the load stopped): ").append(row.partsCaughtUp())
                    .append('\n');
            if (!row.drained()) {
                out.append("  the load did not finish its operations within ").append(DRAIN.toSeconds())
                        .append(" s\n");
            }
            list(out, "  lost", row.lost());
            list(out, "  doubled (extra copies)", row.doubled().entrySet().stream()
                    .map(e -> e.getKey() + " +" + e.getValue()).toList());
            list(out, "  reporting differs from the owners", row.reportingDifferences());
            if (!row.caughtUp()) {
                out.append("  outbox left: ").append(row.outboxLeft()).append('\n');
            }
            list(out, "  refused", row.refusals());
        }
        out.append('\n').append(String.format(Locale.ROOT,
                "load: %d HTTP attempts, %d retries, %d steps confirmed by reading after a conflict, %d steps given up,"
                        + " %d pacing ticks skipped (all slots busy); acknowledged: %d appeals, %d meetings, %d signed"
                        + " minutes (x2 cards, x1 instruction), %d answers, %d closings; %d creates in doubt%n",
                ledger.attempts.get(), ledger.retries.get(), ledger.confirmedByReading.get(),
                ledger.abandonedSteps.get(), ledger.skippedTicks.get(), ledger.appeals.size(), ledger.meetings.size(),
                ledger.signedMinutes.size(), ledger.answers.size(), ledger.closings.size(), ledger.inDoubt.size()));
        out.append(String.format(Locale.ROOT, "stack started in %s s; the suite ran %s s%n", format(startSeconds),
                format(runSeconds)));
        out.append("logs: ").append(DIR.toAbsolutePath()).append('\n');
        return out.toString();
    }

    private static void list(StringBuilder out, String title, java.util.Collection<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.append(title).append(" (").append(items.size()).append("):\n");
        items.stream().limit(15).forEach(item -> out.append("    ").append(item).append('\n'));
        if (items.size() > 15) {
            out.append("    …\n");
        }
    }

    private static void write(String table) {
        try {
            Files.createDirectories(REPORT.toAbsolutePath().getParent());
            Files.writeString(REPORT, table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String format(double seconds) {
        return Double.isNaN(seconds) ? "-" : String.format(Locale.ROOT, "%.1f", seconds);
    }
}
