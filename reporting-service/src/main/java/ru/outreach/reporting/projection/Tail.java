package ru.outreach.reporting.projection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Events applied ahead of a missing version, kept with the facts as they were before them, so that the missing one,
 * when it comes, is put in its place: the facts are folded again from that state over the events in version order.
 * The facts always show every event received, so reports never wait for a gap to fill. A tail event is folded into
 * the state before it as soon as every version before it is there; a document keeps at most {@link #MAX_EVENTS}:
 * beyond them the oldest is folded over its gap (counted as {@code reporting.versions.skipped}, with a warning), and a
 * version of that gap that comes later still is ignored like a repeated one. A gap that never fills is normal for
 * minutes: their signature takes a version for the intake topic, which the projection does not read.
 *
 * @param base   the facts before the first event of the tail; null when the document did not exist then
 * @param events in order of sequence and version
 */
record Tail(Facts base, List<Event> events) {

    static final int MAX_EVENTS = 16;
    static final Tail NONE = new Tail(null, List.of());

    private static final Comparator<Event> ORDER = Comparator.comparing(Event::sequence)
            .thenComparingLong(Event::version);

    /** An event of the tail: its sequence and version, and the event itself. */
    record Event(String sequence, long version, Envelope envelope) {

        static Event of(Envelope envelope) {
            return new Event(Versions.sequenceOf(envelope.event()), envelope.event().version(), envelope);
        }
    }

    /** What an event did to a document. */
    enum Outcome {
        /** A version already applied (or older than the tail): nothing changes. */
        IGNORED,
        /** The next version, or one ahead of a gap. */
        APPLIED,
        /** A version missing until now, put in its place. */
        REORDERED
    }

    /**
     * The facts and tail after an event, and what the event did.
     *
     * @param skipped the tail's events folded over a gap to keep it within its bound
     */
    record Step(Facts facts, Tail tail, Outcome outcome, List<Event> skipped) {
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    /** Applies an event to the facts (null: none yet) with this tail. */
    Step apply(Facts facts, Envelope envelope) {
        Event event = Event.of(envelope);
        long current = Versions.of(facts, event.sequence());
        if (event.version() > current) {
            Facts after = Projection.applyTo(facts, envelope);
            if (isEmpty() && event.version() == current + 1) {
                return new Step(after, NONE, Outcome.APPLIED, List.of());
            }
            Tail longer = isEmpty() ? new Tail(facts, List.of(event)) : plus(event);
            return longer.compact(after, Outcome.APPLIED);
        }
        if (isEmpty() || has(event) || event.version() <= Versions.of(base, event.sequence())) {
            return new Step(facts, this, Outcome.IGNORED, List.of());
        }
        Tail longer = plus(event);
        return longer.compact(longer.fold(), Outcome.REORDERED);
    }

    private boolean has(Event event) {
        return events.stream().anyMatch(e -> e.sequence().equals(event.sequence()) && e.version() == event.version());
    }

    private Tail plus(Event event) {
        List<Event> longer = new ArrayList<>(events);
        longer.add(event);
        longer.sort(ORDER);
        return new Tail(base, List.copyOf(longer));
    }

    /** The base with every event of the tail applied in order. */
    Facts fold() {
        Facts folded = base;
        for (Event event : events) {
            folded = Projection.applyTo(folded, event.envelope());
        }
        return folded;
    }

    /**
     * Folds into the base the events that follow it without a gap, and the oldest ones beyond the bound; the facts
     * (this tail folded) stay the same.
     */
    private Step compact(Facts facts, Outcome outcome) {
        Facts state = base;
        List<Event> left = new ArrayList<>(events);
        List<Event> skipped = new ArrayList<>();
        while (true) {
            Event next = null;
            for (Event event : left) {
                if (event.version() == Versions.of(state, event.sequence()) + 1) {
                    next = event;
                    break;
                }
            }
            if (next == null && left.size() > MAX_EVENTS) {
                next = left.stream().min(Comparator.comparingLong(Event::version).thenComparing(Event::sequence))
                        .orElseThrow();
                skipped.add(next);
            }
            if (next == null) {
                break;
            }
            state = Projection.applyTo(state, next.envelope());
            left.remove(next);
        }
        return new Step(facts, left.isEmpty() ? NONE : new Tail(state, List.copyOf(left)), outcome,
                List.copyOf(skipped));
    }
}
