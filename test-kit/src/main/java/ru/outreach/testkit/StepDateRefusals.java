package ru.outreach.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.context.MessageSourceResolvable;

import ru.outreach.kit.support.RuleViolationException;

/** Assertions on the kit's refusals of a step's day ({@code StepDates}), for the aggregates' unit tests. */
public final class StepDateRefusals {

    /** A refusal of a step's day before the step it follows: the code, the field, both steps and both days. */
    public static void assertStepRefused(ThrowingCallable step, String field, String stepCode, String day,
                                         String previousCode, String previousDay) {
        assertThatThrownBy(step).isInstanceOfSatisfying(RuleViolationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.code()).isEqualTo("error.step-date-before");
            Object[] args = e.args();
            assertThat(((MessageSourceResolvable) args[0]).getCodes()).containsExactly("step." + stepCode);
            assertThat(args[1]).isEqualTo(day);
            assertThat(((MessageSourceResolvable) args[2]).getCodes()).containsExactly("step." + previousCode + ".of");
            assertThat(args[3]).isEqualTo(previousDay);
        });
    }

    /** A refusal of a step's day after today: the code, the field, the step, the day and today. */
    public static void assertFutureRefused(ThrowingCallable step, String field, String stepCode, String day,
                                           String today) {
        assertThatThrownBy(step).isInstanceOfSatisfying(RuleViolationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.code()).isEqualTo("error.step-date-in-future");
            assertThat(((MessageSourceResolvable) e.args()[0]).getCodes()).containsExactly("step." + stepCode);
            assertThat(e.args()).containsSequence(day, today);
        });
    }

    private StepDateRefusals() {
    }
}
