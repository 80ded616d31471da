package ru.outreach.appeals.appeal;

import java.util.List;

import org.springframework.stereotype.Component;

import ru.outreach.appeals.audit.PersonalDataReads;
import ru.outreach.appeals.staff.Scope;
import ru.outreach.kit.security.Actor;
import ru.outreach.kit.security.Duties;

/**
 * Who is shown the citizen's details and the texts of an appeal (152-FZ: only those whose duty needs them): the
 * general department, and an executor of the department the appeal is assigned to. Everyone else is given the appeal
 * without them. Every answer that carries them is recorded in the audit log first.
 */
@Component
class PersonalDataView {

    /** Whether an answer carries the citizen's details. */
    enum PersonalData {
        /** The citizen's details and the texts are in the answer (and the read is audited). */
        INCLUDED,
        /** The caller's duty does not need them: left out. */
        WITHHELD,
        /** Erased after the retention period. */
        ERASED
    }

    private final PersonalDataReads reads;

    PersonalDataView(PersonalDataReads reads) {
        this.reads = reads;
    }

    static boolean needsPersonalData(Appeal appeal, Actor actor) {
        if (actor.has(Duties.GENERAL_DEPARTMENT)) {
            return true;
        }
        return actor.has(Duties.EXECUTOR) && appeal.assignment() != null
                && Scope.sameDepartment(actor, appeal.assignment().executorDepartment());
    }

    /** What {@code actor} may be shown of the appeal; records the read when it carries personal data. */
    PersonalData disclose(Appeal appeal, Actor actor, String operation) {
        if (appeal.erasedOn() != null) {
            return PersonalData.ERASED;
        }
        if (!needsPersonalData(appeal, actor)) {
            return PersonalData.WITHHELD;
        }
        List<String> fields = appeal.personalDataFields();
        if (!fields.isEmpty()) {
            reads.record(actor, appeal.id(), appeal.citizenKey(), fields, operation);
        }
        return PersonalData.INCLUDED;
    }
}
