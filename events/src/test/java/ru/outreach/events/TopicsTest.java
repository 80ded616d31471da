package ru.outreach.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ru.outreach.events.meetings.MeetingIntakeEvent.MeetingIntakeReleased;
import ru.outreach.events.meetings.MeetingsEvent.MeetingHeld;
import ru.outreach.events.meetings.MeetingsEvent.GroupRegistered;

class TopicsTest {

    @Test
    void resolvesEveryConcreteRecordOfATopicByItsCloudEventsType() {
        assertThat(Topics.MEETINGS.typeOf("ru.outreach.MeetingHeld")).contains(MeetingHeld.class);
        assertThat(Topics.MEETINGS.typeOf("ru.outreach.GroupRegistered")).contains(GroupRegistered.class);
        assertThat(Topics.MEETINGS_INTAKE.typeOf("ru.outreach.MeetingIntakeReleased"))
                .contains(MeetingIntakeReleased.class);
    }

    @Test
    void resolvesTheAppealsAndInstructionsTypes() {
        assertThat(Topics.APPEALS.typeOf("ru.outreach.AppealRegistered"))
                .contains(ru.outreach.events.appeals.AppealsEvent.AppealRegistered.class);
        assertThat(Topics.INSTRUCTIONS.typeOf("ru.outreach.InstructionOverdue"))
                .contains(ru.outreach.events.appeals.InstructionsEvent.InstructionOverdue.class);
        assertThat(Topics.APPEALS.typeOf("ru.outreach.InstructionOverdue")).isEmpty();
    }

    @Test
    void doesNotResolveTypesOfAnotherTopic() {
        assertThat(Topics.MEETINGS.typeOf("ru.outreach.MeetingIntakeReleased")).isEmpty();
        assertThat(Topics.MEETINGS.typeOf("ru.outreach.MeetingEvent")).isEmpty();
    }

    @Test
    void topicNamesAreVersioned() {
        assertThat(Topics.ALL).extracting(Topic::name).allMatch(name -> name.endsWith(".v1"));
    }
}
