package ru.outreach.meetings.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.outreach.meetings.Messages.english;
import static ru.outreach.meetings.Messages.russian;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.outreach.events.meetings.MeetingsEvent.GroupChanged;
import ru.outreach.events.meetings.MeetingsEvent.GroupRegistered;
import ru.outreach.kit.support.RuleViolationException;

class GroupTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final LocalDate FORMED = LocalDate.of(2025, 2, 3);

    @Test
    void aGroupRegisteredWithoutAFormationDayIsFormedToday() {
        Group group = Group.register("g-1", details(null), TODAY);

        assertThat(group.formedOn()).isEqualTo(TODAY);
        assertThat(group.pendingEvents()).singleElement().isInstanceOfSatisfying(GroupRegistered.class,
                event -> assertThat(event.formedOn()).isEqualTo(TODAY));
    }

    @Test
    void aGroupFormedInThePastKeepsAndPublishesItsDay() {
        Group group = Group.register("g-1", details(FORMED), TODAY);

        assertThat(group.formedOn()).isEqualTo(FORMED);
        assertThat(group.details().formedOn()).isEqualTo(FORMED);
        assertThat(group.pendingEvents()).singleElement().isInstanceOfSatisfying(GroupRegistered.class,
                event -> assertThat(event.formedOn()).isEqualTo(FORMED));
    }

    @Test
    void aGroupCannotBeFormedAfterToday() {
        assertThatThrownBy(() -> Group.register("g-1", details(TODAY.plusDays(1)), TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("formedOn");
                    assertThat(russian(e)).isEqualTo("Дата создания группы 21.11.2026 ещё не наступила: сегодня 20.11.2026.");
                    assertThat(english(e)).isEqualTo(
                            "The formation date of the group 21.11.2026 is after today, 20.11.2026.");
                });
    }

    @Test
    void aChangeWithoutAFormationDayKeepsTheDayItHad() {
        Group group = Group.register("g-1", details(FORMED), TODAY);

        group.change(new GroupDetails("Группа № 1", person("Иванов"), person("Смирнова"), null,
                List.of("Западный", "Северный"), null, null), TODAY);

        assertThat(group.formedOn()).isEqualTo(FORMED);
        assertThat(group.pendingEvents()).last().isInstanceOfSatisfying(GroupChanged.class, event -> {
            assertThat(event.formedOn()).isEqualTo(FORMED);
            assertThat(event.territories()).containsExactly("Западный", "Северный");
        });
    }

    @Test
    void theFormationDayCanBeCorrectedButNotIntoTheFuture() {
        Group group = Group.register("g-1", details(null), TODAY);

        group.change(details(FORMED), TODAY);

        assertThat(group.formedOn()).isEqualTo(FORMED);
        assertThat(group.pendingEvents()).last().isInstanceOfSatisfying(GroupChanged.class,
                event -> assertThat(event.formedOn()).isEqualTo(FORMED));
        assertThatThrownBy(() -> group.change(details(TODAY.plusDays(2)), TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("formedOn"));
        assertThat(group.formedOn()).isEqualTo(FORMED);
    }

    @Test
    void anUnchangedGroupRecordsNothing() {
        Group group = Group.register("g-1", details(FORMED), TODAY);

        group.change(details(null), TODAY);

        assertThat(group.pendingEvents()).hasSize(1);
    }

    private static GroupDetails details(LocalDate formedOn) {
        return new GroupDetails("Группа № 1", person("Иванов"), person("Смирнова"), null, List.of("Западный"), null,
                formedOn);
    }

    private static Person person(String name) {
        return new Person(name, null);
    }
}
