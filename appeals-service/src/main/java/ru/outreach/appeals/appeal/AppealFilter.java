package ru.outreach.appeals.appeal;

import ru.outreach.events.appeals.AppealState;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.query.Criteria;

import ru.outreach.events.appeals.AppealChannel;

/**
 * Filters of the appeal list; each is optional. The period is inclusive and applies to the day received; several
 * states are any of them.
 */
record AppealFilter(Set<AppealState> states, String category, String territory, String executorDepartment,
                    AppealChannel channel, Boolean overdue, Boolean repeated, LocalDate from, LocalDate to) {

    AppealFilter {
        states = states == null ? Set.of() : states.stream().filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    Criteria criteria(LocalDate today) {
        Criteria criteria = new Criteria();
        if (!states.isEmpty()) {
            criteria.and("state").in(states);
        }
        if (category != null) {
            criteria.and("category").is(category);
        }
        if (territory != null) {
            criteria.and("territory").is(territory);
        }
        if (executorDepartment != null) {
            criteria.and("assignment.executorDepartment").is(executorDepartment);
        }
        if (channel != null) {
            criteria.and("channel").is(channel);
        }
        if (repeated != null) {
            criteria.and("repeated").is(repeated);
        }
        if (from != null || to != null) {
            Criteria day = criteria.and("receivedOn");
            if (from != null) {
                day.gte(from);
            }
            if (to != null) {
                day.lte(to);
            }
        }
        if (Boolean.TRUE.equals(overdue)) {
            criteria.andOperator(overdue(today));
        } else if (Boolean.FALSE.equals(overdue)) {
            criteria.norOperator(overdue(today));
        }
        return criteria;
    }

    /** Registered and open, an answer owed, and past the answer term: computed, never stored. */
    static Criteria overdue(LocalDate today) {
        return answerOwed().and("answerDueOn").lt(today.toString());
    }

    /** Registered and open with an answer owed: the first run of {@code sort=due}. */
    static Criteria answerOwed() {
        return Criteria.where("state").in(AppealState.REGISTERED, AppealState.ASSIGNED).and("answerRequired").is(true);
    }
}
