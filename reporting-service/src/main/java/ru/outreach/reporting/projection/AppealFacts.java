package ru.outreach.reporting.projection;

import ru.outreach.events.appeals.AppealChannel;
import ru.outreach.events.appeals.AppealState;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.data.annotation.Id;

import ru.outreach.events.appeals.AppealsEvent;
import ru.outreach.events.appeals.AppealsEvent.AppealAnswered;
import ru.outreach.events.appeals.AppealsEvent.AppealAssigned;
import ru.outreach.events.appeals.AppealsEvent.AppealClosed;
import ru.outreach.events.appeals.AppealsEvent.AppealExtended;
import ru.outreach.events.appeals.AppealsEvent.AppealLeftWithoutAnswer;
import ru.outreach.events.appeals.AppealsEvent.AppealReceived;
import ru.outreach.events.appeals.AppealsEvent.AppealRedirected;
import ru.outreach.events.appeals.AppealsEvent.AppealRegistered;

/**
 * An appeal's dimensions and dates (subject {@code appeal/ID}).
 *
 * @param receivedOn the day the administration received it (at a meeting, by post, …): the day the yearly analysis
 *                   counts it by; null only in events from before the field was filled
 */
public record AppealFacts(@Id String id, long version, AppealState state, String category, String territory,
                          AppealChannel channel, LocalDate receivedOn, LocalDate registeredOn, LocalDate answerDueOn,
                          boolean repeated,
                          String department, LocalDate assignedOn, LocalDate answeredOn, int extensions,
                          LocalDate redirectedOn, LocalDate withoutAnswerOn, LocalDate closedOn,
                          List<PendingCell> pending) implements Facts {

    static AppealFacts empty(String id) {
        return new AppealFacts(id, 0, null, null, null, null, null, null, null, false, null, null, null, 0, null, null,
                null, List.of());
    }

    AppealFacts apply(AppealsEvent event) {
        if (event.version() <= version) {
            return this;
        }
        AppealFacts f = new AppealFacts(id, event.version(), event.state() == null ? state : event.state(),
                event.category() != null ? event.category() : category,
                event.territory() != null ? event.territory() : territory, channel, receivedOn, registeredOn,
                answerDueOn, repeated, department, assignedOn, answeredOn, extensions, redirectedOn, withoutAnswerOn,
                closedOn, pending);
        return switch (event) {
            case AppealReceived e -> new AppealFacts(id, f.version, f.state, f.category, f.territory,
                    e.channel() == null ? channel : e.channel(), e.receivedOn() != null ? e.receivedOn() : receivedOn,
                    registeredOn, answerDueOn, repeated, department, assignedOn, answeredOn, extensions,
                    redirectedOn, withoutAnswerOn, closedOn, pending);
            case AppealRegistered e -> new AppealFacts(id, f.version, f.state, f.category, f.territory,
                    e.channel() == null ? channel : e.channel(), e.receivedOn() != null ? e.receivedOn() : receivedOn,
                    e.registeredOn(), e.answerDueOn(), e.repeated(), department, assignedOn, answeredOn, extensions,
                    redirectedOn, withoutAnswerOn, closedOn, pending);
            case AppealAssigned e -> new AppealFacts(id, f.version, f.state, f.category, f.territory, channel,
                    receivedOn, registeredOn, e.answerDueOn() != null ? e.answerDueOn() : answerDueOn, repeated,
                    e.executorDepartment(), e.assignedOn(), answeredOn, extensions, redirectedOn, withoutAnswerOn,
                    closedOn, pending);
            case AppealAnswered e -> new AppealFacts(id, f.version, f.state, f.category, f.territory, channel,
                    receivedOn, registeredOn, e.answerDueOn() != null ? e.answerDueOn() : answerDueOn, repeated,
                    e.executorDepartment() != null ? e.executorDepartment() : department, assignedOn, e.answeredOn(),
                    extensions, redirectedOn, withoutAnswerOn, closedOn, pending);
            case AppealExtended e -> new AppealFacts(id, f.version, f.state, f.category, f.territory, channel,
                    receivedOn, registeredOn, e.answerDueOn(), repeated, department, assignedOn, answeredOn,
                    extensions + 1, redirectedOn, withoutAnswerOn, closedOn, pending);
            case AppealRedirected e -> new AppealFacts(id, f.version, f.state, f.category, f.territory, channel,
                    receivedOn, registeredOn, answerDueOn, repeated, department, assignedOn, answeredOn, extensions,
                    e.redirectedOn(), withoutAnswerOn, closedOn, pending);
            case AppealLeftWithoutAnswer e -> new AppealFacts(id, f.version, f.state, f.category, f.territory, channel,
                    receivedOn, registeredOn, answerDueOn, repeated, department, assignedOn, answeredOn, extensions,
                    redirectedOn, e.decidedOn(), closedOn, pending);
            case AppealClosed e -> new AppealFacts(id, f.version, f.state, f.category, f.territory, channel,
                    receivedOn, registeredOn, answerDueOn, repeated, department, assignedOn, answeredOn, extensions,
                    redirectedOn, withoutAnswerOn, e.closedOn(), pending);
            default -> f;
        };
    }

    /** The first day the administration owed nothing more: answered, closed, redirected or left without answer. */
    public LocalDate settledOn() {
        LocalDate settled = null;
        for (LocalDate day : new LocalDate[] {answeredOn, closedOn, redirectedOn, withoutAnswerOn}) {
            if (day != null && (settled == null || day.isBefore(settled))) {
                settled = day;
            }
        }
        return settled;
    }

    public boolean answeredWithinTerm() {
        return answeredOn != null && answerDueOn != null && !answeredOn.isAfter(answerDueOn);
    }

    @Override
    public AppealFacts withPending(List<PendingCell> pending) {
        return new AppealFacts(id, version, state, category, territory, channel, receivedOn, registeredOn,
                answerDueOn, repeated, department, assignedOn, answeredOn, extensions, redirectedOn, withoutAnswerOn,
                closedOn, pending);
    }

    /** The day the appeal counts by in the yearly analysis: received, or registered in events without that day. */
    public LocalDate countedOn() {
        return receivedOn != null ? receivedOn : registeredOn;
    }

    /**
     * By the year of receipt (an appeal received on 30 December belongs to that year, even when registered in
     * January; one received at a meeting counts while it waits for registration), the same figures in each marginal
     * cell (total, category, territory, channel, month of receipt, category × territory; days to answer from the
     * registration); by the month of assignment, the executor's figures; while it owes a step, one
     * open item per executor, month of assignment and answer due day.
     */
    @Override
    public Cells cells() {
        Cells cells = new Cells();
        LocalDate counted = countedOn();
        if (counted != null) {
            yearly(cells, counted);
        }
        if (department != null && assignedOn != null) {
            LocalDate settled = settledOn();
            String month = YearMonth.from(assignedOn).toString();
            CellKey executor = CellKey.of(Kinds.EXECUTOR_CELLS, month, department);
            cells.add(executor, "appealsAssigned", 1);
            cells.add(executor, "appealsAnswered", answeredOn != null ? 1 : 0);
            cells.add(executor, "appealsAnsweredOnTime", answeredWithinTerm() ? 1 : 0);
            cells.add(executor, "appealExtensions", extensions);
            if (settled == null && answerDueOn != null) {
                OpenItems.add(cells, "appeal", department, month, answerDueOn);
            }
        }
        return cells;
    }

    private void yearly(Cells cells, LocalDate counted) {
        String year = String.valueOf(counted.getYear());
        String cat = category == null ? "OTHER" : category;
        String ter = territory == null ? "" : territory;
        LocalDate settled = settledOn();
        boolean openAtEnd = settled == null || settled.isAfter(LocalDate.of(counted.getYear(), 12, 31));
        for (CellKey key : List.of(
                CellKey.of(Kinds.APPEAL_CELLS, year, "total"),
                CellKey.of(Kinds.APPEAL_CELLS, year, "category", cat),
                CellKey.of(Kinds.APPEAL_CELLS, year, "territory", ter),
                CellKey.of(Kinds.APPEAL_CELLS, year, "channel", channel == null ? "" : channel.name()),
                CellKey.of(Kinds.APPEAL_CELLS, year, "month", "%02d".formatted(counted.getMonthValue())),
                CellKey.of(Kinds.APPEAL_CELLS, year, "categoryTerritory", cat, ter))) {
            cells.add(key, "appeals", 1);
            cells.add(key, "answered", answeredOn != null ? 1 : 0);
            cells.add(key, "answeredWithinTerm", answeredWithinTerm() ? 1 : 0);
            cells.add(key, "daysToAnswer", answeredOn != null && registeredOn != null
                    ? ChronoUnit.DAYS.between(registeredOn, answeredOn) : 0);
            cells.add(key, "extensions", extensions);
            cells.add(key, "redirects", redirectedOn != null ? 1 : 0);
            cells.add(key, "repeated", repeated ? 1 : 0);
            cells.add(key, "openAtEnd", openAtEnd ? 1 : 0);
        }
    }
}
