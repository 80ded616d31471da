package ru.outreach.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the load generator was told: every create and every step that a service acknowledged (2xx, possibly after
 * retries with the same {@code Idempotency-Key}), with the phase of the suite in which it was asked; the creates it
 * never got an answer for (in doubt: they may or may not exist, but never twice); the refusals it did not expect.
 * Thread-safe: the load's threads write, the test reads.
 */
final class Ledger {

    /** A create acknowledged: its idempotency key (also the marker in its body) and the id the service answered. */
    record Created(String phase, String key, String id) {
    }

    /** A create that got no answer in time: the service may have written it or not. */
    record InDoubt(String phase, String kind, String key) {
    }

    /** A step acknowledged on an aggregate (answer, closing, signature…). */
    record Step(String phase, String id) {
    }

    /** Appeals created over HTTP, by idempotency key. */
    final Map<String, Created> appeals = new ConcurrentHashMap<>();
    /** Meetings planned over HTTP, by idempotency key. */
    final Map<String, Created> meetings = new ConcurrentHashMap<>();
    /** Minutes signed, by meeting id: each carries two reception cards (RC1, RC2) and an instruction (I1). */
    final Map<String, Step> signedMinutes = new ConcurrentHashMap<>();
    /** Appeals answered (HTTP appeals and reception cards), by appeal id. */
    final Map<String, Step> answers = new ConcurrentHashMap<>();
    /** Appeals closed, by appeal id. */
    final Map<String, Step> closings = new ConcurrentHashMap<>();
    final Map<String, InDoubt> inDoubt = new ConcurrentHashMap<>();
    /** Answers that the load did not expect (4xx other than the step's own conflict): a fault of the suite or a bug. */
    final Collection<String> refusals = new ConcurrentLinkedQueue<>();

    final AtomicLong attempts = new AtomicLong();
    /** Attempts repeated after a timeout, a 5xx or a broken connection. */
    final AtomicLong retries = new AtomicLong();
    /** Steps that were acknowledged only by reading the aggregate after a retry answered 409. */
    final AtomicLong confirmedByReading = new AtomicLong();
    /** Steps given up after the retry bound (not acknowledged, not counted). */
    final AtomicLong abandonedSteps = new AtomicLong();
    /** Pacing ticks skipped because every slot was busy retrying (the load is bounded, not queued). */
    final AtomicLong skippedTicks = new AtomicLong();

    /** How many items were acknowledged in {@code phase}: creates, reception cards and instructions, steps. */
    long acknowledgedIn(String phase) {
        return count(appeals.values().stream().map(Created::phase).toList(), phase)
                + count(meetings.values().stream().map(Created::phase).toList(), phase)
                // a signature acknowledges its minutes' two reception cards and one instruction
                + 3 * count(signedMinutes.values().stream().map(Step::phase).toList(), phase)
                + count(answers.values().stream().map(Step::phase).toList(), phase)
                + count(closings.values().stream().map(Step::phase).toList(), phase);
    }

    /** HTTP appeals acknowledged in {@code phase}: what the phases count to decide when to kill and when to stop. */
    long appealsIn(String phase) {
        return count(appeals.values().stream().map(Created::phase).toList(), phase);
    }

    long inDoubtIn(String phase) {
        return count(inDoubt.values().stream().map(InDoubt::phase).toList(), phase);
    }

    List<String> refusals() {
        return new ArrayList<>(refusals);
    }

    private static long count(List<String> phases, String phase) {
        return phases.stream().filter(phase::equals).count();
    }
}
