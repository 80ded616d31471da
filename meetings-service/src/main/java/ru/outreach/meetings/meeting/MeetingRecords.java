package ru.outreach.meetings.meeting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.data.mongodb.core.mapping.Field;

import ru.outreach.meetings.group.Staff;

/**
 * The facts a meeting accumulates through its life. {@code enteredBy}: the secretary who entered the step, from his
 * token (none on steps entered before it was kept).
 */
final class MeetingRecords {

    private MeetingRecords() {
    }

    record VenueAgreement(LocalDate agreedOn, String agreedWith, Staff enteredBy) {
    }

    enum Channel { OFFICIAL_SITE, MEDIA, NOTICE_BOARD, SOCIAL_NETWORK, OTHER }

    /** How and when the population was informed (regulation 3.7, 3.8.1). */
    record Announcement(LocalDate announcedOn, List<Channel> channels, String details, Staff enteredBy) {
    }

    /** A move of the meeting, decided on {@code rescheduledOn} (stored as {@code decidedOn}, its earlier name). */
    record Reschedule(LocalDateTime previousScheduledAt, LocalDateTime scheduledAt, Venue previousVenue, Venue venue,
                      String reason, @Field("decidedOn") LocalDate rescheduledOn,
                      Staff enteredBy) {
    }

    record Cancellation(String reason, LocalDate cancelledOn, Staff enteredBy) {
    }

    record Holding(LocalDateTime heldAt, int residentsAttended, List<String> officialsPresent, Staff enteredBy) {
    }
}
