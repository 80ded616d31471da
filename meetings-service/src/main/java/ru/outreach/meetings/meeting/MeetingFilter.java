package ru.outreach.meetings.meeting;

import ru.outreach.events.meetings.MeetingStatus;

import java.time.LocalDate;

import org.springframework.data.mongodb.core.query.Criteria;

/** Filters of the meeting list; each one is optional. The period is inclusive and applies to the meeting day. */
record MeetingFilter(String groupId, String territory, MeetingStatus status, LocalDate from, LocalDate to) {

    Criteria criteria() {
        Criteria criteria = new Criteria();
        if (groupId != null) {
            criteria.and("groupId").is(groupId);
        }
        if (territory != null) {
            criteria.and("territory").is(territory);
        }
        if (status != null) {
            criteria.and("status").is(status);
        }
        if (from != null || to != null) {
            Criteria day = criteria.and("meetingDay");
            if (from != null) {
                day.gte(from);
            }
            if (to != null) {
                day.lte(to);
            }
        }
        return criteria;
    }
}
