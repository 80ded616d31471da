package ru.outreach.appeals.instruction;

import ru.outreach.events.appeals.InstructionState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.outreach.appeals.instruction.InstructionRecords.Closing;
import ru.outreach.appeals.instruction.InstructionRecords.Decision;
import ru.outreach.appeals.instruction.InstructionRecords.ExtensionDecision;
import ru.outreach.appeals.instruction.InstructionRecords.ExtensionRequest;
import ru.outreach.appeals.instruction.InstructionRecords.Report;
import ru.outreach.appeals.instruction.InstructionRecords.Return;
import ru.outreach.events.appeals.InstructionSource;
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
import ru.outreach.appeals.staff.By;
import ru.outreach.kit.outbox.AggregateRoot;
import ru.outreach.kit.support.RuleViolationException;
import ru.outreach.kit.support.StateConflictException;
import ru.outreach.kit.support.StepDates;

/**
 * An instruction (поручение) under execution control. The executor accepts and reports; only the controller closes
 * or returns it and decides on extensions; the due-date history is kept. Overdue is computed from the due date and
 * the state, never stored; what is stored is which due date was already signalled, so each signal is raised once.
 * Each step happened on a day the clerk gives (today when none is given): never after today, never before the step it
 * follows, so paper records can be entered afterwards in their order.
 */
@Document("instructions")
public class Instruction extends AggregateRoot {

    private String text;
    private String executorDepartment;
    private List<String> coExecutors = new ArrayList<>();
    private String controller;
    private String controllerUsername;
    private String controllerDepartment;
    private InstructionSource source;
    private String sourceId;
    private String territory;
    private LocalDate issuedOn;
    private String issuedBy;
    private String issuedByUsername;
    private LocalDate dueOn;
    private InstructionState state;
    private LocalDate acceptedOn;
    private List<Report> reports = new ArrayList<>();
    private List<Return> returns = new ArrayList<>();
    private ExtensionRequest pendingExtension;
    private List<ExtensionDecision> extensions = new ArrayList<>();
    private Closing closing;
    /** The due date whose "due soon" signal was raised, and the one whose "overdue" signal was. */
    private LocalDate dueSoonSignalledFor;
    private LocalDate overdueSignalledFor;

    private Instruction() {
    }

    /**
     * What an instruction is given with.
     *
     * @param controller who controls it: the signed-in controller who issues it, or the control department named by
     *                   the minutes
     * @param issuedBy   who entered it (the signed-in person), or null when it comes from the minutes
     */
    public record Order(String text, String executorDepartment, List<String> coExecutors, By controller,
                        InstructionSource source, String sourceId, String territory, LocalDate issuedOn, By issuedBy,
                        LocalDate dueOn) {
    }

    /** Issues an instruction as the minutes or the order say; the day of issue is not checked against today. */
    public static Instruction issue(String id, Order order) {
        if (order.dueOn().isBefore(order.issuedOn())) {
            throw new RuleViolationException("dueOn", "error.due-before-issue", StepDates.format(order.dueOn()),
                    StepDates.format(order.issuedOn()));
        }
        Instruction instruction = new Instruction();
        instruction.id = id;
        instruction.text = order.text();
        instruction.executorDepartment = order.executorDepartment();
        instruction.coExecutors = order.coExecutors() == null ? new ArrayList<>() : new ArrayList<>(order.coExecutors());
        if (order.controller() != null) {
            instruction.controller = order.controller().name();
            instruction.controllerUsername = order.controller().username();
            instruction.controllerDepartment = order.controller().department();
        }
        instruction.source = order.source();
        instruction.sourceId = order.sourceId();
        instruction.territory = order.territory();
        instruction.issuedOn = order.issuedOn();
        if (order.issuedBy() != null) {
            instruction.issuedBy = order.issuedBy().name();
            instruction.issuedByUsername = order.issuedBy().username();
        }
        instruction.dueOn = order.dueOn();
        instruction.state = InstructionState.ISSUED;
        instruction.record(version -> new InstructionIssued(id, version, instruction.state,
                instruction.executorDepartment, List.copyOf(instruction.coExecutors), instruction.source,
                instruction.sourceId, instruction.territory, instruction.issuedOn, instruction.dueOn));
        return instruction;
    }

    void accept(LocalDate acceptedOn, LocalDate today) {
        requireState("accept", InstructionState.ISSUED);
        StepDates.require("acceptedOn", "acceptance", acceptedOn, "issue", issuedOn, today);
        this.acceptedOn = acceptedOn;
        state = InstructionState.ACCEPTED;
        record(version -> new InstructionAccepted(id, version, state, executorDepartment, acceptedOn, dueOn));
    }

    /** The executor reports what was done. A report never closes the instruction: the controller decides. */
    void report(String reportText, LocalDate reportedOn, By reportedBy, LocalDate today) {
        requireState("report", InstructionState.ACCEPTED, InstructionState.RETURNED);
        if (!returns.isEmpty()) {
            StepDates.require("reportedOn", "report", reportedOn, "return", returns.getLast().returnedOn(), today);
        } else if (acceptedOn != null) {
            StepDates.require("reportedOn", "report", reportedOn, "acceptance", acceptedOn, today);
        } else {
            StepDates.require("reportedOn", "report", reportedOn, "issue", issuedOn, today);
        }
        boolean late = reportedOn.isAfter(dueOn);
        reports.add(new Report(reportText, reportedOn, name(reportedBy), username(reportedBy), late));
        state = InstructionState.REPORTED;
        record(version -> new InstructionReported(id, version, state, executorDepartment, reportedOn, dueOn,
                late));
    }

    /** The controller is not satisfied with the report: the executor works again. */
    void returnForRework(String reason, LocalDate returnedOn, By returnedBy, LocalDate today) {
        requireState("return", InstructionState.REPORTED);
        requireController("returnedBy", returnedBy);
        StepDates.require("returnedOn", "return", returnedOn, "report", lastReport().reportedOn(), today);
        returns.add(new Return(reason, returnedOn, name(returnedBy), username(returnedBy)));
        state = InstructionState.RETURNED;
        record(version -> new InstructionReturned(id, version, state, executorDepartment, returnedOn, dueOn));
    }

    /** Only the controller takes the instruction off control, and only after a report. */
    void close(LocalDate closedOn, By closedBy, LocalDate today) {
        requireState("close", InstructionState.REPORTED);
        requireController("closedBy", closedBy);
        StepDates.require("closedOn", "closing", closedOn, "report", lastReport().reportedOn(), today);
        closing = new Closing(closedOn, name(closedBy), username(closedBy));
        pendingExtension = null;
        boolean late = reports.getFirst().late();
        state = InstructionState.CLOSED;
        record(version -> new InstructionClosed(id, version, state, executorDepartment, closedOn, dueOn,
                late));
    }

    void requestExtension(String reason, LocalDate requestedDueOn, LocalDate requestedOn, By requestedBy,
                          LocalDate today) {
        requireState("request-extension", InstructionState.ISSUED, InstructionState.ACCEPTED,
                InstructionState.RETURNED);
        if (pendingExtension != null) {
            throw new StateConflictException("error.extension-pending", pendingExtension.requestedOn());
        }
        StepDates.require("requestedOn", "extension-request", requestedOn, "issue", issuedOn, today);
        if (!requestedDueOn.isAfter(dueOn)) {
            throw new RuleViolationException("dueOn", "error.extension-not-later", requestedDueOn, dueOn);
        }
        pendingExtension = new ExtensionRequest(reason, requestedDueOn, requestedOn, name(requestedBy),
                username(requestedBy));
        record(version -> new InstructionExtensionRequested(id, version, state, executorDepartment,
                requestedOn, dueOn, requestedDueOn));
    }

    /** The controller grants the extension, to the requested date or another later one; the history is kept. */
    void grantExtension(LocalDate newDueOn, LocalDate decidedOn, By decidedBy, String comment, LocalDate today) {
        ExtensionRequest request = requirePendingExtension();
        requireController("decidedBy", decidedBy);
        StepDates.require("decidedOn", "extension-decision", decidedOn, "extension-request", request.requestedOn(),
                today);
        LocalDate granted = newDueOn == null ? request.requestedDueOn() : newDueOn;
        if (!granted.isAfter(dueOn)) {
            throw new RuleViolationException("dueOn", "error.extension-not-later", granted, dueOn);
        }
        LocalDate previous = dueOn;
        extensions.add(new ExtensionDecision(request.reason(), request.requestedOn(), previous,
                request.requestedDueOn(), Decision.GRANTED, granted, decidedOn, name(decidedBy), username(decidedBy),
                comment));
        dueOn = granted;
        pendingExtension = null;
        record(version -> new InstructionExtended(id, version, state, executorDepartment, previous, granted,
                decidedOn));
    }

    void refuseExtension(LocalDate decidedOn, By decidedBy, String comment, LocalDate today) {
        ExtensionRequest request = requirePendingExtension();
        requireController("decidedBy", decidedBy);
        StepDates.require("decidedOn", "extension-decision", decidedOn, "extension-request", request.requestedOn(),
                today);
        extensions.add(new ExtensionDecision(request.reason(), request.requestedOn(), dueOn,
                request.requestedDueOn(), Decision.REFUSED, dueOn, decidedOn, name(decidedBy), username(decidedBy),
                comment));
        pendingExtension = null;
        record(version -> new InstructionExtensionRefused(id, version, state, executorDepartment, decidedOn,
                dueOn));
    }

    /**
     * Raises "due soon" from {@code dueSoonFrom} until the due date, and "overdue" after it while no report is in;
     * each once per due date (a new due date after an extension is signalled again). True if a signal was raised.
     */
    boolean signalDeadline(LocalDate today, LocalDate dueSoonFrom, Runnable onOverdue) {
        if (isOverdue(today)) {
            if (dueOn.equals(overdueSignalledFor)) {
                return false;
            }
            overdueSignalledFor = dueOn;
            record(version -> new InstructionOverdue(id, version, state, executorDepartment, dueOn, today));
            onOverdue.run();
            return true;
        }
        if (InstructionState.AWAITING_REPORT.contains(state) && !today.isBefore(dueSoonFrom) && !today.isAfter(dueOn)
                && !dueOn.equals(dueSoonSignalledFor)) {
            dueSoonSignalledFor = dueOn;
            record(version -> new InstructionDueSoon(id, version, state, executorDepartment, dueOn, today));
            return true;
        }
        return false;
    }

    /** Past the due date and no report in (issued, accepted or returned). */
    public boolean isOverdue(LocalDate today) {
        return InstructionState.AWAITING_REPORT.contains(state) && today.isAfter(dueOn);
    }

    public long daysOverdue(LocalDate today) {
        return isOverdue(today) ? java.time.temporal.ChronoUnit.DAYS.between(dueOn, today) : 0;
    }

    private Report lastReport() {
        return reports.getLast();
    }

    private ExtensionRequest requirePendingExtension() {
        requireState("decide-extension", InstructionState.OPEN.toArray(InstructionState[]::new));
        if (pendingExtension == null) {
            throw new StateConflictException("error.no-extension-requested");
        }
        return pendingExtension;
    }

    /**
     * Only the controller decides: the person who issued the instruction (by username), or anyone of his control
     * department; for an instruction from the minutes, whoever the minutes name (the control department) or one of it.
     */
    private void requireController(String field, By who) {
        if (controller == null || controller.isBlank()) {
            return;
        }
        boolean controls = who != null && (who.isNamedBy(controllerUsername) || who.isNamedBy(controller)
                || who.department() != null && (who.isNamedBy(controllerDepartment)));
        if (!controls) {
            throw new RuleViolationException(field, "error.only-controller", controller);
        }
    }

    /** True if the department is this instruction's executor or one of its co-executors. */
    public boolean isExecutedBy(String department) {
        if (department == null) {
            return false;
        }
        By dept = new By(null, null, department);
        return dept.isNamedBy(executorDepartment) || coExecutors.stream().anyMatch(dept::isNamedBy);
    }

    private static String name(By by) {
        return by == null ? null : by.name();
    }

    private static String username(By by) {
        return by == null ? null : by.username();
    }

    private void requireState(String action, InstructionState... allowed) {
        if (!Set.of(allowed).contains(state)) {
            throw new StateConflictException("error.instruction-transition",
                    new DefaultMessageSourceResolvable("instruction.action." + action),
                    new DefaultMessageSourceResolvable("instruction.state." + state));
        }
    }

    public String text() { return text; }

    public String executorDepartment() { return executorDepartment; }

    public List<String> coExecutors() { return List.copyOf(coExecutors); }

    public String controller() { return controller; }

    public String controllerUsername() { return controllerUsername; }

    public String controllerDepartment() { return controllerDepartment; }

    public String issuedByUsername() { return issuedByUsername; }

    public InstructionSource source() { return source; }

    public String sourceId() { return sourceId; }

    public String territory() { return territory; }

    public LocalDate issuedOn() { return issuedOn; }

    public String issuedBy() { return issuedBy; }

    public LocalDate dueOn() { return dueOn; }

    public InstructionState state() { return state; }

    public LocalDate acceptedOn() { return acceptedOn; }

    public List<Report> reports() { return List.copyOf(reports); }

    public List<Return> returns() { return List.copyOf(returns); }

    public ExtensionRequest pendingExtension() { return pendingExtension; }

    public List<ExtensionDecision> extensions() { return List.copyOf(extensions); }

    public Closing closing() { return closing; }

    @Override
    protected String subject() {
        return "instruction/" + id;
    }
}
