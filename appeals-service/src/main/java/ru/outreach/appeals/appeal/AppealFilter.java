package ru.outreach.appeals.appeal;

import ru.outreach.events.appeals.AppealState;

import java.time.LocalDate;

import org.springframework.data.mongodb.core.query.Criteria;

import ru.outreach.events.appeals.AppealChannel;

/** Filters of the appeal list; each is optional. The period is inclusive and applies to the day received. */
record AppealFilter(AppealState state, String category, String territory, String executorDepartment,
                    AppealChannel channel, Boolean overdue, Boolean repeated, LocalDate from, LocalDate to) {

    Criteria criteria(LocalDate today) {
        Criteria criteria = new Criteria();
        if (state != null) {
            criteria.and("state").is(state);
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
        return Criteria.where("state").in(AppealState.REGISTERED, AppealState.ASSIGNED).and("answerRequired").is(true)
                .and("answerDueOn").lt(today.toString());
    }
}
