package ru.outreach.appeals.instruction;

import ru.outreach.events.appeals.InstructionState;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.query.Criteria;

import ru.outreach.events.appeals.InstructionSource;

/**
 * Filters of the instruction list; each is optional. The period is inclusive and applies to the due date; several
 * states are any of them.
 */
record InstructionFilter(String executorDepartment, Set<InstructionState> states, Boolean overdue, LocalDate from,
                         LocalDate to, String territory, InstructionSource source, String sourceId) {

    InstructionFilter {
        states = states == null ? Set.of() : states.stream().filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    Criteria criteria(LocalDate today) {
        Criteria criteria = new Criteria();
        if (executorDepartment != null) {
            criteria.and("executorDepartment").is(executorDepartment);
        }
        if (territory != null) {
            criteria.and("territory").is(territory);
        }
        if (source != null) {
            criteria.and("source").is(source);
        }
        if (sourceId != null) {
            criteria.and("sourceId").is(sourceId);
        }
        if (Boolean.TRUE.equals(overdue)) {
            Set<InstructionState> awaiting = EnumSet.copyOf(InstructionState.AWAITING_REPORT);
            if (!states.isEmpty()) {
                awaiting.retainAll(states);
            }
            criteria.and("state").in(awaiting);
            dueBetween(criteria, from, to, today.minusDays(1));
        } else {
            if (!states.isEmpty()) {
                criteria.and("state").in(states);
            }
            if (Boolean.FALSE.equals(overdue)) {
                criteria.orOperator(Criteria.where("state").nin(InstructionState.AWAITING_REPORT),
                        Criteria.where("dueOn").gte(today.toString()));
            }
            dueBetween(criteria, from, to, null);
        }
        return criteria;
    }

    /** The due date within the period, and not after {@code latest} when given. */
    private static void dueBetween(Criteria criteria, LocalDate from, LocalDate to, LocalDate latest) {
        LocalDate upper = latest == null ? to : to == null || latest.isBefore(to) ? latest : to;
        if (from != null || upper != null) {
            Criteria due = criteria.and("dueOn");
            if (from != null) {
                due.gte(from.toString());
            }
            if (upper != null) {
                due.lte(upper.toString());
            }
        }
    }

    /** Instructions that await the executor's report: the first run of {@code sort=due}. */
    static Criteria awaitingReport() {
        return Criteria.where("state").in(InstructionState.AWAITING_REPORT);
    }

    /** Overdue instructions: awaiting a report and past the due date. */
    static Criteria overdue(LocalDate today) {
        return Criteria.where("state").in(InstructionState.AWAITING_REPORT).and("dueOn").lt(today.toString());
    }
}
