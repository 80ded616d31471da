package ru.outreach.meetings.meeting;

import ru.outreach.events.meetings.MeetingStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.outreach.events.meetings.MeetingsEvent.MeetingHeld;
import ru.outreach.events.meetings.MeetingsEvent.MeetingPlanned;
import ru.outreach.events.meetings.MeetingsEvent.MeetingRescheduled;
import ru.outreach.meetings.meeting.MeetingRecords.Announcement;
import ru.outreach.meetings.meeting.MeetingRecords.Channel;
import ru.outreach.meetings.meeting.MeetingRecords.Holding;
import ru.outreach.kit.support.RuleViolationException;
import ru.outreach.kit.support.StateConflictException;

class MeetingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);
    private static final LocalDateTime SCHEDULED = LocalDateTime.of(2026, 5, 6, 17, 0);
    private static final Venue SCHOOL = new Venue("Школа № 3", "ул. Ленина, 10", Venue.Kind.SCHOOL);
    private static final Venue CLUB = new Venue("ДК им. Ленина", "ул. Садовая, 1", Venue.Kind.CULTURE);

    @Test
    void aPlannedMeetingRecordsItsPlanWithoutPersonalData() {
        Meeting meeting = planned();

        assertThat(meeting.status()).isEqualTo(MeetingStatus.PLANNED);
        assertThat(meeting.version()).isEqualTo(1);
        assertThat(meeting.pendingEvents()).singleElement().isInstanceOfSatisfying(MeetingPlanned.class, event -> {
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.venueKind()).isEqualTo("SCHOOL");
            assertThat(event.scheduledAt()).isEqualTo(SCHEDULED);
        });
    }

    @Test
    void goesThroughItsWholeLifeToHeld() {
        Meeting meeting = planned();
        meeting.agreeVenue(LocalDate.of(2026, 4, 20), "директор школы", TODAY);
        meeting.announce(announcement(), TODAY);
        meeting.hold(new Holding(SCHEDULED, 42, List.of("депутат")), LocalDate.of(2026, 5, 14), SCHEDULED.plusHours(3));

        assertThat(meeting.status()).isEqualTo(MeetingStatus.HELD);
        assertThat(meeting.version()).isEqualTo(4);
        assertThat(meeting.heldOn()).isEqualTo(LocalDate.of(2026, 5, 6));
        assertThat(meeting.pendingEvents()).last().isInstanceOfSatisfying(MeetingHeld.class, held -> {
            assertThat(held.residentsAttended()).isEqualTo(42);
            assertThat(held.officialsPresent()).isEqualTo(1);
            assertThat(held.minutesDueOn()).isEqualTo(LocalDate.of(2026, 5, 14));
            assertThat(held.version()).isEqualTo(4);
        });
    }

    @Test
    void cannotBeAnnouncedBeforeTheVenueIsAgreed() {
        Meeting meeting = planned();

        assertThatThrownBy(() -> meeting.announce(announcement(), TODAY))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("error.venue-not-agreed");
        assertThat(meeting.version()).isEqualTo(1);
    }

    @Test
    void cannotBeHeldUnlessAnnounced() {
        Meeting meeting = planned();
        meeting.agreeVenue(TODAY, null, TODAY);

        assertThatThrownBy(() -> meeting.hold(new Holding(SCHEDULED, 10, List.of()), TODAY, SCHEDULED))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("error.meeting-transition");
        assertThat(meeting.status()).isEqualTo(MeetingStatus.VENUE_AGREED);
    }

    @Test
    void cannotBeHeldInTheFuture() {
        Meeting meeting = announced();

        assertThatThrownBy(() -> meeting.hold(new Holding(SCHEDULED, 10, List.of()), TODAY, SCHEDULED.minusHours(1)))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("heldAt"));
    }

    @Test
    void rescheduleKeepsHistoryAndAsksForANewAnnouncement() {
        Meeting meeting = announced();
        LocalDateTime later = SCHEDULED.plusDays(7);

        meeting.reschedule(later, null, "ремонт зала", TODAY);

        assertThat(meeting.status()).isEqualTo(MeetingStatus.RESCHEDULED);
        assertThat(meeting.scheduledAt()).isEqualTo(later);
        assertThat(meeting.meetingDay()).isEqualTo(later.toLocalDate());
        assertThat(meeting.reschedules()).singleElement().satisfies(history -> {
            assertThat(history.previousScheduledAt()).isEqualTo(SCHEDULED);
            assertThat(history.reason()).isEqualTo("ремонт зала");
        });
        assertThat(meeting.announcement()).isNull();
        assertThat(meeting.venueAgreement()).as("same venue stays agreed").isNotNull();
        assertThat(meeting.pendingEvents()).last().isInstanceOf(MeetingRescheduled.class);
        meeting.announce(announcement(), TODAY);
        assertThat(meeting.status()).isEqualTo(MeetingStatus.ANNOUNCED);
    }

    @Test
    void aNewVenueMustBeAgreedAgain() {
        Meeting meeting = announced();

        meeting.reschedule(SCHEDULED, CLUB, "школа закрыта на карантин", TODAY);

        assertThat(meeting.venue()).isEqualTo(CLUB);
        assertThat(meeting.venueAgreement()).isNull();
        assertThatThrownBy(() -> meeting.announce(announcement(), TODAY)).hasMessage("error.venue-not-agreed");
        meeting.agreeVenue(TODAY, "директор ДК", TODAY);
        meeting.announce(announcement(), TODAY);
        assertThat(meeting.status()).isEqualTo(MeetingStatus.ANNOUNCED);
    }

    @Test
    void aRescheduleThatChangesNothingIsRefused() {
        Meeting meeting = planned();

        assertThatThrownBy(() -> meeting.reschedule(SCHEDULED, SCHOOL, "без изменений", TODAY))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aCancelledMeetingAllowsNothingMore() {
        Meeting meeting = planned();
        meeting.cancel("нет кворума", TODAY);

        assertThat(meeting.status()).isEqualTo(MeetingStatus.CANCELLED);
        assertThat(meeting.cancellation().reason()).isEqualTo("нет кворума");
        assertThatThrownBy(() -> meeting.cancel("ещё раз", TODAY)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> meeting.reschedule(SCHEDULED.plusDays(1), null, "x", TODAY))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> meeting.agreeVenue(TODAY, null, TODAY)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void aHeldMeetingCannotBeCancelled() {
        Meeting meeting = announced();
        meeting.hold(new Holding(SCHEDULED, 5, List.of()), TODAY, SCHEDULED.plusHours(2));

        assertThatThrownBy(() -> meeting.cancel("поздно", TODAY)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void datesOfStepsCannotBeInTheFuture() {
        Meeting meeting = planned();

        assertThatThrownBy(() -> meeting.agreeVenue(TODAY.plusDays(1), null, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("agreedOn"));
    }

    private static Meeting planned() {
        return Meeting.plan("m-1", "g-1", "Соколово-Кундрючий", SCHOOL, SCHEDULED, List.of("прокуратура"));
    }

    private static Meeting announced() {
        Meeting meeting = planned();
        meeting.agreeVenue(LocalDate.of(2026, 4, 20), null, TODAY);
        meeting.announce(announcement(), TODAY);
        return meeting;
    }

    private static Announcement announcement() {
        return new Announcement(LocalDate.of(2026, 4, 25), List.of(Channel.OFFICIAL_SITE, Channel.NOTICE_BOARD),
                "объявления у подъездов");
    }
}
