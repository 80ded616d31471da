package ru.outreach.meetings.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import ru.outreach.kit.support.NotFoundException;

class ScopeTest {

    private static final Scope SECRETARY_OF_A = new Scope(false, "a");
    private static final Scope CONTROLLER = new Scope(true, null);
    private static final Scope BOTH = new Scope(true, "a");
    private static final Scope NOBODY = new Scope(false, null);

    @Test
    void aSecretarySeesAndWorksOnHisOwnGroupOnly() {
        assertThat(SECRETARY_OF_A.sees("a")).isTrue();
        assertThat(SECRETARY_OF_A.works("a")).isTrue();
        assertThat(SECRETARY_OF_A.sees("b")).isFalse();
        assertThat(NOBODY.sees("a")).isFalse();
    }

    @Test
    void aSecretarysListIsNarrowedToHisGroupAndEmptyForAnother() {
        assertThat(SECRETARY_OF_A.seesAnyOf(null)).isTrue();
        assertThat(SECRETARY_OF_A.narrow(null)).isEqualTo("a");
        assertThat(SECRETARY_OF_A.seesAnyOf("b")).isFalse();
        assertThat(CONTROLLER.seesAnyOf("b")).isTrue();
        assertThat(CONTROLLER.narrow(null)).isNull();
        assertThat(CONTROLLER.narrow("b")).isEqualTo("b");
        assertThat(NOBODY.seesAnyOf(null)).isFalse();
    }

    @Test
    void anotherGroupIsNotFoundForWhoDoesNotSeeItAndForbiddenForWhoSeesIt() {
        assertThatThrownBy(() -> SECRETARY_OF_A.requireWorks("b", "error.meeting-not-found", "m-1"))
                .isInstanceOf(NotFoundException.class).hasMessage("error.meeting-not-found");
        assertThatThrownBy(() -> CONTROLLER.requireWorks("b", "error.meeting-not-found", "m-1"))
                .isInstanceOf(NotOwnGroupException.class);
        assertThatThrownBy(() -> BOTH.requireWorks("b", "error.meeting-not-found", "m-1"))
                .isInstanceOf(NotOwnGroupException.class);
        BOTH.requireWorks("a", "error.meeting-not-found", "m-1");
    }
}
