package ru.outreach.meetings.meeting;

import ru.outreach.events.meetings.MeetingStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.outreach.meetings.Messages.english;
import static ru.outreach.meetings.Messages.russian;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.outreach.events.meetings.MeetingsEvent.MeetingAnnounced;
import ru.outreach.events.meetings.MeetingsEvent.MeetingCancelled;
import ru.outreach.events.meetings.MeetingsEvent.MeetingHeld;
import ru.outreach.events.meetings.MeetingsEvent.MeetingPlanned;
import ru.outreach.events.meetings.MeetingsEvent.MeetingRescheduled;
import ru.outreach.events.meetings.MeetingsEvent.MeetingVenueAgreed;
import ru.outreach.meetings.meeting.MeetingRecords.Announcement;
import ru.outreach.meetings.meeting.MeetingRecords.Channel;
import ru.outreach.meetings.meeting.MeetingRecords.Holding;
import ru.outreach.meetings.meeting.MeetingRecords.Reschedule;
import ru.outreach.meetings.group.Staff;
import ru.outreach.kit.support.RuleViolationException;
import ru.outreach.kit.support.StateConflictException;

class MeetingTest {

    private static final Staff BY = new Staff("secretary1", "Анна Петрова");
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);
    private static final LocalDateTime NOW = TODAY.atTime(12, 0);
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
        meeting.agreeVenue(LocalDate.of(2026, 4, 20), "директор школы", BY, TODAY);
        meeting.announce(announcement(), TODAY);
        meeting.hold(new Holding(SCHEDULED, 42, List.of("депутат"), BY), LocalDate.of(2026, 5, 14), SCHEDULED.plusHours(3));

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
        meeting.agreeVenue(TODAY, null, BY, TODAY);

        assertThatThrownBy(() -> meeting.hold(new Holding(SCHEDULED, 10, List.of(), BY), TODAY, SCHEDULED))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("error.meeting-transition");
        assertThat(meeting.status()).isEqualTo(MeetingStatus.VENUE_AGREED);
    }

    @Test
    void cannotBeHeldLaterTodayThanNow() {
        Meeting meeting = announced();

        assertThatThrownBy(() -> meeting.hold(new Holding(SCHEDULED, 10, List.of(), BY), TODAY, SCHEDULED.minusHours(1)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("heldAt");
                    assertThat(russian(e)).isEqualTo(
                            "Время проведения встречи 06.05.2026 17:00 ещё не наступило: сейчас 06.05.2026 16:00.");
                });
        assertThat(meeting.status()).isEqualTo(MeetingStatus.ANNOUNCED);
    }

    @Test
    void rescheduleKeepsHistoryAndAsksForANewAnnouncement() {
        Meeting meeting = announced();
        LocalDateTime later = SCHEDULED.plusDays(7);

        meeting.reschedule(later, null, "ремонт зала", null, BY, TODAY);

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
        meeting.announce(announcementOn(TODAY), TODAY);
        assertThat(meeting.status()).isEqualTo(MeetingStatus.ANNOUNCED);
    }

    @Test
    void aNewVenueMustBeAgreedAgain() {
        Meeting meeting = announced();

        meeting.reschedule(SCHEDULED, CLUB, "школа закрыта на карантин", null, BY, TODAY);

        assertThat(meeting.venue()).isEqualTo(CLUB);
        assertThat(meeting.venueAgreement()).isNull();
        assertThatThrownBy(() -> meeting.announce(announcement(), TODAY)).hasMessage("error.venue-not-agreed");
        meeting.agreeVenue(TODAY, "директор ДК", BY, TODAY);
        meeting.announce(announcementOn(TODAY), TODAY);
        assertThat(meeting.status()).isEqualTo(MeetingStatus.ANNOUNCED);
    }

    @Test
    void aRescheduleThatChangesNothingIsRefused() {
        Meeting meeting = planned();

        assertThatThrownBy(() -> meeting.reschedule(SCHEDULED, SCHOOL, "без изменений", null, BY, TODAY))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aCancelledMeetingAllowsNothingMore() {
        Meeting meeting = planned();
        meeting.cancel("нет кворума", null, BY, TODAY);

        assertThat(meeting.status()).isEqualTo(MeetingStatus.CANCELLED);
        assertThat(meeting.cancellation().reason()).isEqualTo("нет кворума");
        assertThatThrownBy(() -> meeting.cancel("ещё раз", null, BY, TODAY)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> meeting.reschedule(SCHEDULED.plusDays(1), null, "x", null, BY, TODAY))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> meeting.agreeVenue(TODAY, null, BY, TODAY)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void aHeldMeetingCannotBeCancelled() {
        Meeting meeting = announced();
        meeting.hold(new Holding(SCHEDULED, 5, List.of(), BY), TODAY, SCHEDULED.plusHours(2));

        assertThatThrownBy(() -> meeting.cancel("поздно", null, BY, TODAY)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void theVenueAgreementIsDatedTodayWhenNoDayIsGiven() {
        Meeting meeting = planned();

        meeting.agreeVenue(null, "директор школы", BY, TODAY);

        assertThat(meeting.venueAgreement().agreedOn()).isEqualTo(TODAY);
        assertThat(meeting.pendingEvents()).last().isInstanceOfSatisfying(MeetingVenueAgreed.class,
                event -> assertThat(event.agreedOn()).isEqualTo(TODAY));
    }

    @Test
    void aVenueAgreementAfterTodayIsRefusedNamingTodayInBothLanguages() {
        Meeting meeting = planned();

        assertThatThrownBy(() -> meeting.agreeVenue(TODAY.plusDays(1), null, BY, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("agreedOn");
                    assertThat(russian(e)).isEqualTo(
                            "Дата согласования места 21.05.2026 ещё не наступила: сегодня 20.05.2026.");
                    assertThat(english(e)).isEqualTo("The venue agreement date 21.05.2026 is after today, 20.05.2026.");
                });
        assertThat(meeting.status()).isEqualTo(MeetingStatus.PLANNED);
    }

    @Test
    void anAnnouncementBeforeTheVenueWasAgreedIsRefusedNamingBothDates() {
        Meeting meeting = planned();
        meeting.agreeVenue(LocalDate.of(2026, 4, 20), null, BY, TODAY);

        assertThatThrownBy(() -> meeting.announce(announcementOn(LocalDate.of(2026, 4, 19)), TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("announcedOn");
                    assertThat(russian(e)).isEqualTo("Дата информирования населения 19.04.2026 раньше даты "
                            + "согласования места 20.04.2026.");
                    assertThat(english(e)).isEqualTo(
                            "The announcement date 19.04.2026 is before the venue agreement date 20.04.2026.");
                });
        assertThat(meeting.status()).isEqualTo(MeetingStatus.VENUE_AGREED);
    }

    @Test
    void anAnnouncementOnTheDayOfTheAgreementIsAcceptedAndWithoutADayIsDatedToday() {
        Meeting sameDay = planned();
        sameDay.agreeVenue(LocalDate.of(2026, 4, 20), null, BY, TODAY);
        Meeting undated = planned();
        undated.agreeVenue(LocalDate.of(2026, 4, 20), null, BY, TODAY);

        sameDay.announce(announcementOn(LocalDate.of(2026, 4, 20)), TODAY);
        undated.announce(announcementOn(null), TODAY);

        assertThat(sameDay.announcement().announcedOn()).isEqualTo(LocalDate.of(2026, 4, 20));
        assertThat(undated.announcement().announcedOn()).isEqualTo(TODAY);
        assertThat(undated.announcement().channels()).containsExactly(Channel.OFFICIAL_SITE);
        assertThat(undated.pendingEvents()).last().isInstanceOfSatisfying(MeetingAnnounced.class,
                event -> assertThat(event.announcedOn()).isEqualTo(TODAY));
    }

    @Test
    void anAnnouncementAfterTodayIsRefused() {
        Meeting meeting = planned();
        meeting.agreeVenue(LocalDate.of(2026, 4, 20), null, BY, TODAY);

        assertThatThrownBy(() -> meeting.announce(announcementOn(TODAY.plusDays(3)), TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("announcedOn");
                    assertThat(russian(e)).isEqualTo(
                            "Дата информирования населения 23.05.2026 ещё не наступила: сегодня 20.05.2026.");
                });
    }

    @Test
    void theHistoryKeepsTheDayAMoveWasDecidedOnOrTodayWhenNoneIsGiven() {
        Meeting meeting = announced();

        meeting.reschedule(SCHEDULED.plusDays(7), null, "ремонт зала", LocalDate.of(2026, 4, 28), BY, TODAY);
        meeting.reschedule(SCHEDULED.plusDays(14), null, "ремонт продлён", null, BY, TODAY);

        assertThat(meeting.reschedules()).extracting(Reschedule::rescheduledOn)
                .containsExactly(LocalDate.of(2026, 4, 28), TODAY);
    }

    @Test
    void aMoveDecidedBeforeTheAnnouncementIsRefusedNamingBothDates() {
        Meeting meeting = announced();

        assertThatThrownBy(() -> meeting.reschedule(SCHEDULED.plusDays(7), null, "ремонт зала",
                LocalDate.of(2026, 4, 24), BY, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("rescheduledOn");
                    assertThat(russian(e)).isEqualTo(
                            "Дата переноса встречи 24.04.2026 раньше даты информирования населения 25.04.2026.");
                    assertThat(english(e)).isEqualTo(
                            "The rescheduling date 24.04.2026 is before the announcement date 25.04.2026.");
                });
        assertThat(meeting.status()).isEqualTo(MeetingStatus.ANNOUNCED);
        assertThat(meeting.reschedules()).isEmpty();
    }

    @Test
    void aMoveDecidedAfterTodayIsRefused() {
        Meeting meeting = planned();

        assertThatThrownBy(() -> meeting.reschedule(SCHEDULED.plusDays(7), null, "ремонт зала", TODAY.plusDays(1), BY, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(russian(e)).isEqualTo(
                                "Дата переноса встречи 21.05.2026 ещё не наступила: сегодня 20.05.2026."));
    }

    @Test
    void aNewVenueCannotBeAgreedBeforeTheMoveThatAskedForIt() {
        Meeting meeting = announced();
        meeting.reschedule(SCHEDULED, CLUB, "школа закрыта на карантин", LocalDate.of(2026, 4, 30), BY, TODAY);

        assertThatThrownBy(() -> meeting.agreeVenue(LocalDate.of(2026, 4, 29), "директор ДК", BY, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("agreedOn");
                    assertThat(russian(e)).isEqualTo(
                            "Дата согласования места 29.04.2026 раньше даты переноса встречи 30.04.2026.");
                });
        meeting.agreeVenue(LocalDate.of(2026, 4, 30), "директор ДК", BY, TODAY);
        assertThat(meeting.venueAgreement().agreedOn()).isEqualTo(LocalDate.of(2026, 4, 30));
    }

    @Test
    void aMovedMeetingIsAnnouncedAgainNotBeforeTheMove() {
        Meeting meeting = announced();
        meeting.reschedule(SCHEDULED.plusDays(7), null, "ремонт зала", LocalDate.of(2026, 5, 1), BY, TODAY);

        assertThatThrownBy(() -> meeting.announce(announcementOn(LocalDate.of(2026, 4, 30)), TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(russian(e)).isEqualTo(
                        "Дата информирования населения 30.04.2026 раньше даты переноса встречи 01.05.2026."));
    }

    @Test
    void aCancellationKeepsItsDayOrTodayWhenNoneIsGiven() {
        Meeting past = announced();
        Meeting undated = planned();

        past.cancel("нет кворума", LocalDate.of(2026, 5, 5), BY, TODAY);
        undated.cancel("паводок", null, BY, TODAY);

        assertThat(past.cancellation().cancelledOn()).isEqualTo(LocalDate.of(2026, 5, 5));
        assertThat(past.pendingEvents()).last().isInstanceOfSatisfying(MeetingCancelled.class,
                event -> assertThat(event.cancelledOn()).isEqualTo(LocalDate.of(2026, 5, 5)));
        assertThat(undated.cancellation().cancelledOn()).isEqualTo(TODAY);
    }

    @Test
    void aCancellationBeforeTheAnnouncementOrAfterTodayIsRefused() {
        Meeting meeting = announced();

        assertThatThrownBy(() -> meeting.cancel("нет кворума", LocalDate.of(2026, 4, 24), BY, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("cancelledOn");
                    assertThat(russian(e)).isEqualTo(
                            "Дата отмены встречи 24.04.2026 раньше даты информирования населения 25.04.2026.");
                });
        assertThatThrownBy(() -> meeting.cancel("нет кворума", TODAY.plusDays(1), BY, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(russian(e)).isEqualTo(
                        "Дата отмены встречи 21.05.2026 ещё не наступила: сегодня 20.05.2026."));
        assertThat(meeting.status()).isEqualTo(MeetingStatus.ANNOUNCED);
    }

    @Test
    void aMeetingHeldBeforeItWasAnnouncedIsRefusedNamingBothDates() {
        Meeting meeting = announced();
        LocalDateTime dayBefore = LocalDateTime.of(2026, 4, 24, 18, 0);

        assertThatThrownBy(() -> meeting.hold(new Holding(dayBefore, 10, List.of(), BY), TODAY, NOW))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("heldAt");
                    assertThat(russian(e)).isEqualTo(
                            "Дата проведения встречи 24.04.2026 раньше даты информирования населения 25.04.2026.");
                    assertThat(english(e)).isEqualTo(
                            "The meeting date 24.04.2026 is before the announcement date 25.04.2026.");
                });
        assertThat(meeting.status()).isEqualTo(MeetingStatus.ANNOUNCED);
    }

    @Test
    void aMeetingHeldOnTheAnnouncementDayIsAccepted() {
        Meeting meeting = announced();

        meeting.hold(new Holding(LocalDateTime.of(2026, 4, 25, 18, 0), 10, List.of(), BY), TODAY, NOW);

        assertThat(meeting.heldOn()).isEqualTo(LocalDate.of(2026, 4, 25));
    }

    @Test
    void aMeetingHeldOnADayAfterTodayIsRefusedNamingToday() {
        Meeting meeting = announced();

        assertThatThrownBy(() -> meeting.hold(new Holding(NOW.plusDays(1), 10, List.of(), BY), TODAY, NOW))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("heldAt");
                    assertThat(russian(e)).isEqualTo(
                            "Дата проведения встречи 21.05.2026 ещё не наступила: сегодня 20.05.2026.");
                });
    }

    private static Meeting planned() {
        return Meeting.plan("m-1", "g-1", "Соколово-Кундрючий", SCHOOL, SCHEDULED, List.of("прокуратура"), BY);
    }

    private static Meeting announced() {
        Meeting meeting = planned();
        meeting.agreeVenue(LocalDate.of(2026, 4, 20), null, BY, TODAY);
        meeting.announce(announcement(), TODAY);
        return meeting;
    }

    private static Announcement announcement() {
        return new Announcement(LocalDate.of(2026, 4, 25), List.of(Channel.OFFICIAL_SITE, Channel.NOTICE_BOARD),
                "объявления у подъездов", BY);
    }

    private static Announcement announcementOn(LocalDate day) {
        return new Announcement(day, List.of(Channel.OFFICIAL_SITE), null, BY);
    }
}
