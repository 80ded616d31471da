package ru.outreach.meetings.minutes;

import java.util.List;

import org.springframework.stereotype.Component;

import ru.outreach.kit.security.Actor;
import ru.outreach.meetings.audit.PersonalDataReads;
import ru.outreach.meetings.group.Scope;
import ru.outreach.meetings.minutes.MinutesController.MinutesResponse;

/**
 * What an answer about minutes may carry of the citizens' details. They go only to the secretary of the group while
 * the minutes are a draft (he is writing them up); signed minutes have handed them to the appeals service, and
 * nobody else needs them here, except on the protocol that the group's secretary prints (see {@link #printing}).
 * Every answer that carries them is recorded in the audit before it is given.
 */
@Component
class MinutesAnswers {

    private final PersonalDataReads audit;
    private final MinutesService minutes;

    MinutesAnswers(PersonalDataReads audit, MinutesService minutes) {
        this.audit = audit;
        this.minutes = minutes;
    }

    /** The minutes with the citizens' details when {@code actor} may have them, audited as {@code operation}. */
    MinutesResponse disclosing(Minutes m, Actor actor, Scope scope, String operation) {
        List<String> fields = m.content().citizenFields();
        if (fields.isEmpty() || m.status() != MinutesStatus.DRAFT || !scope.works(m.groupId())) {
            return withheld(m);
        }
        audit.record(actor, m.id(), m.groupId(), operation, fields);
        return response(m, m.content(), false);
    }

    /**
     * The content that the printed protocol of signed minutes shows to {@code actor}: with the citizens' details for
     * the group's own secretary, who prints the protocol and its reception cards for the leader's signature on paper
     * and hands it to the control department (regulation 3.6.5, 3.6.9), the print audited as {@code print};
     * without them for everyone else, unaudited.
     */
    MinutesContent printing(Minutes m, Actor actor, Scope scope) {
        List<String> fields = m.content().citizenFields();
        if (fields.isEmpty()) {
            return m.content();
        }
        if (!scope.works(m.groupId())) {
            return m.content().withoutCitizens();
        }
        audit.record(actor, m.id(), m.groupId(), "print", fields);
        return m.content();
    }

    /** The minutes without the citizens' details. */
    MinutesResponse withheld(Minutes m) {
        boolean any = !m.content().citizenFields().isEmpty();
        return response(m, any ? m.content().withoutCitizens() : m.content(), any);
    }

    private MinutesResponse response(Minutes m, MinutesContent content, boolean withheld) {
        return new MinutesResponse(m.id(), m.version(), m.groupId(), m.territory(), m.heldOn(), m.dueOn(),
                m.status(), m.isOverdue(minutes.today()), content, withheld, m.recordedBy(), m.signature(),
                m.handOver(), m.resultsPublication());
    }
}
