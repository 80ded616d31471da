package ru.outreach.appeals.instruction;

import static ru.outreach.testkit.StepDateRefusals.assertFutureRefused;
import static ru.outreach.testkit.StepDateRefusals.assertStepRefused;

import ru.outreach.appeals.staff.By;

import ru.outreach.events.appeals.InstructionState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.outreach.appeals.instruction.Instruction.Order;
import ru.outreach.appeals.instruction.InstructionRecords.Decision;
import ru.outreach.appeals.instruction.InstructionRecords.ExtensionDecision;
import ru.outreach.events.appeals.InstructionSource;
import ru.outreach.events.ContractEvent;
import ru.outreach.events.appeals.InstructionsEvent.InstructionAccepted;
import ru.outreach.events.appeals.InstructionsEvent.InstructionClosed;
import ru.outreach.events.appeals.InstructionsEvent.InstructionDueSoon;
import ru.outreach.events.appeals.InstructionsEvent.InstructionExtended;
import ru.outreach.events.appeals.InstructionsEvent.InstructionExtensionRefused;
import ru.outreach.events.appeals.InstructionsEvent.InstructionExtensionRequested;
import ru.outreach.events.appeals.InstructionsEvent.InstructionIssued;
import ru.outreach.events.appeals.InstructionsEvent.InstructionOverdue;
import ru.outreach.events.appeals.InstructionsEvent.InstructionReported;
import ru.outreach.events.appeals.InstructionsEvent.InstructionReturned;
import ru.outreach.kit.support.RuleViolationException;
import ru.outreach.kit.support.StateConflictException;

class InstructionTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 3, 3);
    private static final LocalDate DUE = LocalDate.of(2026, 3, 31);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final String CONTROLLER = "Контрольно-организационный сектор";

    @Test
    void issuedAcceptedReportedAndClosedByTheController() {
        Instruction instruction = issue();
        instruction.accept(ISSUED.plusDays(1), TODAY);
        instruction.report("Освещение восстановлено", DUE.minusDays(2), By.named("Управление ЖКХ"), TODAY);

        assertThat(instruction.state()).isEqualTo(InstructionState.REPORTED);
        instruction.close(DUE, By.named(CONTROLLER), TODAY);

        assertThat(instruction.state()).isEqualTo(InstructionState.CLOSED);
        assertThat(events(instruction)).extracting(Object::getClass).containsExactly(InstructionIssued.class,
                InstructionAccepted.class, InstructionReported.class, InstructionClosed.class);
        assertThat(events(instruction).getLast()).isInstanceOfSatisfying(InstructionClosed.class,
                closed -> assertThat(closed.late()).isFalse());
    }

    @Test
    void aReportNeverClosesAndOnlyTheControllerCloses() {
        Instruction instruction = issue();
        instruction.accept(ISSUED, TODAY);
        instruction.report("Сделано", DUE, By.named("Управление ЖКХ"), TODAY);

        assertThatThrownBy(() -> instruction.close(DUE, By.named("Управление ЖКХ"), TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("closedBy"));
        assertThat(instruction.state()).isEqualTo(InstructionState.REPORTED);
    }

    @Test
    void returnedWithAReasonAndWorkedAgain() {
        Instruction instruction = issue();
        instruction.accept(ISSUED, TODAY);
        instruction.report("Сделано частично", DUE.minusDays(5), null, TODAY);
        instruction.returnForRework("Не восстановлены два фонаря", DUE.minusDays(4), By.named(CONTROLLER), TODAY);

        assertThat(instruction.state()).isEqualTo(InstructionState.RETURNED);
        instruction.report("Восстановлены все фонари", DUE.plusDays(1), null, TODAY);
        instruction.close(DUE.plusDays(2), By.named(CONTROLLER), TODAY);

        assertThat(instruction.reports()).hasSize(2);
        assertThat(instruction.reports().getLast().late()).isTrue();
        assertThat(instruction.returns()).singleElement()
                .satisfies(ret -> assertThat(ret.reason()).isEqualTo("Не восстановлены два фонаря"));
        assertThat(events(instruction)).extracting(Object::getClass).contains(InstructionReturned.class);
    }

    @Test
    void invalidTransitionsAreRefused() {
        Instruction instruction = issue();

        assertThatThrownBy(() -> instruction.report("т", ISSUED, null, TODAY))
                .isInstanceOf(StateConflictException.class).hasMessage("error.instruction-transition");
        assertThatThrownBy(() -> instruction.close(ISSUED, By.named(CONTROLLER), TODAY))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> instruction.returnForRework("r", ISSUED, By.named(CONTROLLER), TODAY))
                .isInstanceOf(StateConflictException.class);
        instruction.accept(ISSUED, TODAY);
        assertThatThrownBy(() -> instruction.accept(ISSUED, TODAY)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void anExtensionGrantedMovesTheDueDateAndKeepsTheHistory() {
        Instruction instruction = issue();
        instruction.requestExtension("Нет подрядчика", DUE.plusDays(14), DUE.minusDays(3), By.named("Управление ЖКХ"), TODAY);

        assertThatThrownBy(() -> instruction.requestExtension("Ещё", DUE.plusDays(20), DUE.minusDays(2), null, TODAY))
                .isInstanceOf(StateConflictException.class).hasMessage("error.extension-pending");
        instruction.grantExtension(null, DUE.minusDays(2), By.named(CONTROLLER), "Согласовано", TODAY);

        assertThat(instruction.dueOn()).isEqualTo(DUE.plusDays(14));
        assertThat(instruction.pendingExtension()).isNull();
        assertThat(instruction.extensions()).singleElement().satisfies(decision -> {
            assertThat(decision.decision()).isEqualTo(Decision.GRANTED);
            assertThat(decision.previousDueOn()).isEqualTo(DUE);
            assertThat(decision.dueOn()).isEqualTo(DUE.plusDays(14));
        });
        assertThat(events(instruction)).extracting(Object::getClass).containsExactly(InstructionIssued.class,
                InstructionExtensionRequested.class, InstructionExtended.class);
    }

    @Test
    void anExtensionRefusedKeepsTheDueDate() {
        Instruction instruction = issue();
        instruction.requestExtension("Нет подрядчика", DUE.plusDays(14), DUE.minusDays(3), null, TODAY);

        assertThatThrownBy(() -> instruction.refuseExtension(DUE.minusDays(2), By.named("Управление ЖКХ"), "нет", TODAY))
                .isInstanceOf(RuleViolationException.class);
        instruction.refuseExtension(DUE.minusDays(2), By.named(CONTROLLER), "Срок достаточен", TODAY);

        assertThat(instruction.dueOn()).isEqualTo(DUE);
        assertThat(instruction.extensions()).extracting(ExtensionDecision::decision).containsExactly(Decision.REFUSED);
        assertThat(events(instruction).getLast()).isInstanceOf(InstructionExtensionRefused.class);
        assertThatThrownBy(() -> instruction.grantExtension(null, DUE, By.named(CONTROLLER), null, TODAY))
                .isInstanceOf(StateConflictException.class).hasMessage("error.no-extension-requested");
    }

    @Test
    void anExtensionMustMoveTheDueDateLater() {
        Instruction instruction = issue();

        assertThatThrownBy(() -> instruction.requestExtension("r", DUE, ISSUED, null, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("dueOn"));
    }

    @Test
    void overdueIsComputedFromTheDueDateAndTheState() {
        Instruction instruction = issue();

        assertThat(instruction.isOverdue(DUE)).isFalse();
        assertThat(instruction.isOverdue(DUE.plusDays(1))).isTrue();
        assertThat(instruction.daysOverdue(DUE.plusDays(3))).isEqualTo(3);
        instruction.accept(ISSUED, TODAY);
        instruction.report("Сделано", DUE, null, TODAY);
        assertThat(instruction.isOverdue(DUE.plusDays(10))).isFalse();
    }

    @Test
    void dueSoonAndOverdueAreSignalledOncePerDueDate() {
        Instruction instruction = issue();
        Runnable none = () -> { };

        assertThat(instruction.signalDeadline(DUE.minusDays(4), DUE.minusDays(3), none)).isFalse();
        assertThat(instruction.signalDeadline(DUE.minusDays(3), DUE.minusDays(3), none)).isTrue();
        assertThat(instruction.signalDeadline(DUE.minusDays(1), DUE.minusDays(3), none)).isFalse();
        assertThat(instruction.signalDeadline(DUE.plusDays(1), DUE.minusDays(3), none)).isTrue();
        assertThat(instruction.signalDeadline(DUE.plusDays(2), DUE.minusDays(3), none)).isFalse();
        assertThat(events(instruction)).extracting(Object::getClass).containsExactly(InstructionIssued.class,
                InstructionDueSoon.class, InstructionOverdue.class);

        instruction.requestExtension("Нет подрядчика", DUE.plusDays(10), DUE.plusDays(2), null, TODAY);
        instruction.grantExtension(null, DUE.plusDays(2), By.named(CONTROLLER), null, TODAY);
        LocalDate newDue = DUE.plusDays(10);
        assertThat(instruction.signalDeadline(newDue.minusDays(1), newDue.minusDays(3), none)).isTrue();
        assertThat(instruction.signalDeadline(newDue.plusDays(1), newDue.minusDays(3), none)).isTrue();
        assertThat(events(instruction)).filteredOn(InstructionOverdue.class::isInstance).hasSize(2);
        assertThat(events(instruction)).filteredOn(InstructionDueSoon.class::isInstance).hasSize(2);
    }

    @Test
    void aReportedInstructionIsNotSignalled() {
        Instruction instruction = issue();
        instruction.accept(ISSUED, TODAY);
        instruction.report("Сделано", ISSUED.plusDays(1), null, TODAY);

        assertThat(instruction.signalDeadline(DUE.plusDays(1), DUE.minusDays(3), () -> { })).isFalse();
        assertThat(events(instruction)).noneMatch(InstructionOverdue.class::isInstance);
    }

    @Test
    void theDueDateCannotPrecedeTheIssue() {
        assertThatThrownBy(() -> Instruction.issue("i-1", new Order("т", "Управление ЖКХ", List.of(), By.named(CONTROLLER),
                InstructionSource.OTHER, null, null, ISSUED, null, ISSUED.minusDays(1))))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("dueOn");
                    assertThat(e.code()).isEqualTo("error.due-before-issue");
                    assertThat(e.args()).containsExactly("02.03.2026", "03.03.2026");
                });
    }

    @Test
    void eachStepOfAnInstructionIsNotBeforeTheStepItFollowsNorAfterToday() {
        Instruction instruction = issue();

        assertStepRefused(() -> instruction.accept(ISSUED.minusDays(1), TODAY), "acceptedOn", "acceptance",
                "02.03.2026", "issue", "03.03.2026");
        assertFutureRefused(() -> instruction.accept(TODAY.plusDays(1), TODAY), "acceptedOn", "acceptance",
                "02.06.2026", "01.06.2026");
        assertStepRefused(() -> instruction.requestExtension("r", DUE.plusDays(5), ISSUED.minusDays(1), null, TODAY),
                "requestedOn", "extension-request", "02.03.2026", "issue", "03.03.2026");
        instruction.requestExtension("Нет подрядчика", DUE.plusDays(5), ISSUED.plusDays(5), null, TODAY);
        assertStepRefused(() -> instruction.grantExtension(null, ISSUED.plusDays(4), By.named(CONTROLLER), null, TODAY),
                "decidedOn", "extension-decision", "07.03.2026", "extension-request", "08.03.2026");
        assertStepRefused(() -> instruction.refuseExtension(ISSUED.plusDays(4), By.named(CONTROLLER), "нет", TODAY),
                "decidedOn", "extension-decision", "07.03.2026", "extension-request", "08.03.2026");
        assertFutureRefused(() -> instruction.grantExtension(null, TODAY.plusDays(1), By.named(CONTROLLER), null, TODAY),
                "decidedOn", "extension-decision", "02.06.2026", "01.06.2026");
        instruction.grantExtension(null, ISSUED.plusDays(5), By.named(CONTROLLER), null, TODAY);

        instruction.accept(ISSUED.plusDays(6), TODAY);
        assertStepRefused(() -> instruction.report("т", ISSUED.plusDays(5), null, TODAY), "reportedOn", "report",
                "08.03.2026", "acceptance", "09.03.2026");
        instruction.report("Сделано частично", ISSUED.plusDays(10), null, TODAY);
        assertStepRefused(() -> instruction.returnForRework("r", ISSUED.plusDays(9), By.named(CONTROLLER), TODAY),
                "returnedOn", "return", "12.03.2026", "report", "13.03.2026");
        assertStepRefused(() -> instruction.close(ISSUED.plusDays(9), By.named(CONTROLLER), TODAY), "closedOn", "closing",
                "12.03.2026", "report", "13.03.2026");
        instruction.returnForRework("Не всё", ISSUED.plusDays(12), By.named(CONTROLLER), TODAY);
        assertStepRefused(() -> instruction.report("т", ISSUED.plusDays(11), null, TODAY), "reportedOn", "report",
                "14.03.2026", "return", "15.03.2026");
        instruction.report("Сделано", ISSUED.plusDays(12), null, TODAY);
        assertFutureRefused(() -> instruction.close(TODAY.plusDays(1), By.named(CONTROLLER), TODAY), "closedOn", "closing",
                "02.06.2026", "01.06.2026");
        instruction.close(ISSUED.plusDays(12), By.named(CONTROLLER), TODAY);

        assertThat(instruction.state()).isEqualTo(InstructionState.CLOSED);
        assertThat(instruction.closing().closedOn()).isEqualTo(ISSUED.plusDays(12));
    }



    @Test
    void theIssuedEventCarriesNoText() {
        Instruction instruction = issue();

        assertThat(events(instruction).getFirst()).isInstanceOfSatisfying(InstructionIssued.class, issued -> {
            assertThat(issued.coExecutors()).containsExactly("Управление благоустройства");
            assertThat(issued.source()).isEqualTo(InstructionSource.MEETING);
            assertThat(issued.toString()).doesNotContain("освещение");
        });
    }

    private static Instruction issue() {
        return Instruction.issue("i-1", new Order("Проверить освещение ул. Шахтёрской", "Управление ЖКХ",
                List.of("Управление благоустройства"), By.named(CONTROLLER), InstructionSource.MEETING, "m-1",
                "Северный", ISSUED, By.named("Иванов И.И."), DUE));
    }

    private static List<ContractEvent> events(Instruction instruction) {
        return instruction.pendingEvents();
    }
}
