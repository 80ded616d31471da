package ru.outreach.appeals.terms;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts terms that passed without their step, as {@code outreach.terms.missed{term=...}}. */
@Component
public class MissedTermsCounter {

    private final MeterRegistry registry;

    MissedTermsCounter(MeterRegistry registry) {
        this.registry = registry;
        for (String term : new String[] {"REGISTRATION", "ANSWER", "REDIRECT", "INSTRUCTION_DUE"}) {
            counter(term);
        }
    }

    public void missed(String term) {
        counter(term).increment();
    }

    private Counter counter(String term) {
        return Counter.builder("outreach.terms.missed").tag("term", term)
                .description("Legal terms of appeals and due dates of instructions that passed without their step")
                .register(registry);
    }
}
