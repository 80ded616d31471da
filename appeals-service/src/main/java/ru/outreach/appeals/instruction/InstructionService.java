package ru.outreach.appeals.instruction;

import ru.outreach.events.appeals.InstructionState;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import ru.outreach.appeals.instruction.Instruction.Order;
import ru.outreach.appeals.listing.DueOrder;
import ru.outreach.appeals.staff.By;
import ru.outreach.appeals.staff.Scope;
import ru.outreach.appeals.staff.Signed;
import ru.outreach.kit.security.Actor;
import ru.outreach.appeals.terms.MissedTermsCounter;
import ru.outreach.appeals.terms.Terms;
import ru.outreach.kit.idempotency.IdempotencyKey;
import ru.outreach.kit.outbox.AggregateStore;
import ru.outreach.kit.outbox.Conflicts;
import ru.outreach.kit.support.NotFoundException;
import ru.outreach.kit.support.StepDates;

@Service
public class InstructionService {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Terms terms;
    private final MissedTermsCounter missedTerms;
    private final Clock clock;

    InstructionService(MongoTemplate mongo, AggregateStore store, Terms terms, MissedTermsCounter missedTerms,
                       Clock clock, MeterRegistry registry) {
        this.mongo = mongo;
        this.store = store;
        this.terms = terms;
        this.missedTerms = missedTerms;
        this.clock = clock;
        Gauge.builder("outreach.instructions.overdue", this, InstructionService::overdueCount)
                .description("Instructions past their due date with no report in (computed, never stored)")
                .register(registry);
    }

    /** Issues an instruction; with an idempotency key, once: a retry answers the instruction issued first. */
    Instruction issue(InstructionRequests.IssueInstruction request, Actor actor, IdempotencyKey key) {
        return store.create(Instruction.class, key, id -> {
            By controller = Signed.by(actor, "controller", request.controller());
            By issuedBy = Signed.by(actor, "issuedBy", request.issuedBy());
            LocalDate today = today();
            LocalDate issuedOn = StepDates.orToday(request.issuedOn(), today);
            StepDates.require("issuedOn", "issue", issuedOn, null, null, today);
            // an order cannot be due before it was given; one entered afterwards from a paper journal may be due
            // already
            return Instruction.issue(id, new Order(request.text(), request.executorDepartment().trim(),
                    request.coExecutors(), controller, request.source(), request.sourceId(),
                    request.territory() == null ? null : request.territory().trim(), issuedOn, issuedBy,
                    request.dueOn()));
        }).aggregate();
    }

    /** Issues an instruction under the given id; the caller makes sure the id is new (or deterministic). */
    public Instruction issue(String id, Order order) {
        return store.insert(Instruction.issue(id, order));
    }

    public boolean exists(String id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), Instruction.class);
    }

    Instruction accept(String id, InstructionRequests.Accept request, Actor actor) {
        return Conflicts.retried(() -> {
            Instruction instruction = get(id, actor);
            LocalDate today = today();
            instruction.accept(StepDates.orToday(request == null ? null : request.acceptedOn(), today), today);
            return store.update(instruction);
        });
    }

    Instruction report(String id, InstructionRequests.ReportOn request, Actor actor) {
        return Conflicts.retried(() -> {
            Instruction instruction = get(id, actor);
            By reportedBy = Signed.by(actor, "reportedBy", request.reportedBy());
            LocalDate today = today();
            instruction.report(request.text(), StepDates.orToday(request.reportedOn(), today), reportedBy, today);
            return store.update(instruction);
        });
    }

    Instruction returnForRework(String id, InstructionRequests.ReturnForRework request, Actor actor) {
        return Conflicts.retried(() -> {
            Instruction instruction = get(id, actor);
            By returnedBy = Signed.by(actor, "returnedBy", request.returnedBy());
            LocalDate today = today();
            instruction.returnForRework(request.reason(), StepDates.orToday(request.returnedOn(), today), returnedBy,
                    today);
            return store.update(instruction);
        });
    }

    Instruction close(String id, InstructionRequests.Close request, Actor actor) {
        return Conflicts.retried(() -> {
            Instruction instruction = get(id, actor);
            By closedBy = Signed.by(actor, "closedBy", request == null ? null : request.closedBy());
            LocalDate today = today();
            instruction.close(StepDates.orToday(request == null ? null : request.closedOn(), today), closedBy, today);
            return store.update(instruction);
        });
    }

    Instruction requestExtension(String id, InstructionRequests.RequestExtension request, Actor actor) {
        return Conflicts.retried(() -> {
            Instruction instruction = get(id, actor);
            By requestedBy = Signed.by(actor, "requestedBy", request.requestedBy());
            LocalDate today = today();
            instruction.requestExtension(request.reason(), request.dueOn(), StepDates.orToday(request.requestedOn(), today),
                    requestedBy, today);
            return store.update(instruction);
        });
    }

    Instruction grantExtension(String id, InstructionRequests.GrantExtension request, Actor actor) {
        return Conflicts.retried(() -> {
            Instruction instruction = get(id, actor);
            By decidedBy = Signed.by(actor, "decidedBy", request.decidedBy());
            LocalDate today = today();
            instruction.grantExtension(request.dueOn(), StepDates.orToday(request.decidedOn(), today), decidedBy,
                    request.comment(), today);
            return store.update(instruction);
        });
    }

    Instruction refuseExtension(String id, InstructionRequests.RefuseExtension request, Actor actor) {
        return Conflicts.retried(() -> {
            Instruction instruction = get(id, actor);
            By decidedBy = Signed.by(actor, "decidedBy", request.decidedBy());
            LocalDate today = today();
            instruction.refuseExtension(StepDates.orToday(request.decidedOn(), today), decidedBy, request.comment(),
                    today);
            return store.update(instruction);
        });
    }

    public Instruction get(String id) {
        Instruction instruction = mongo.findById(id, Instruction.class);
        if (instruction == null) {
            throw new NotFoundException("error.instruction-not-found", id);
        }
        return instruction;
    }

    /**
     * The instruction as the actor may see it: an executor only one whose executor or co-executor is his department;
     * another department's answers 404 as if it did not exist.
     */
    Instruction get(String id, Actor actor) {
        Instruction instruction = get(id);
        if (!Scope.seesAll(actor) && !instruction.isExecutedBy(actor.department())) {
            throw new NotFoundException("error.instruction-not-found", id);
        }
        return instruction;
    }

    /**
     * The list, for an executor only his department's instructions (as executor or co-executor); {@code sort=due}
     * lists those awaiting a report first (see {@link DueOrder}).
     */
    Page<Instruction> list(InstructionFilter filter, Pageable pageable, Actor actor) {
        Criteria criteria = filter.criteria(today());
        String department = Scope.limitedTo(actor);
        if (department != null) {
            criteria = new Criteria().andOperator(criteria, new Criteria().orOperator(
                    Criteria.where("executorDepartment").is(department), Criteria.where("coExecutors").is(department)));
        }
        if (DueOrder.requested(pageable)) {
            return DueOrder.page(mongo, Instruction.class, criteria, InstructionFilter.awaitingReport(), "dueOn",
                    pageable);
        }
        Query query = Query.query(criteria);
        List<Instruction> page = mongo.find(Query.of(query).with(pageable), Instruction.class);
        return PageableExecutionUtils.getPage(page, pageable, () -> mongo.count(Query.of(query), Instruction.class));
    }

    /**
     * Raises "due soon" and "overdue" for every instruction that needs it, once per instruction and due date.
     * Returns how many signals were raised.
     */
    public int signalDeadlines() {
        LocalDate today = today();
        Query query = Query.query(Criteria.where("state").in(InstructionState.AWAITING_REPORT)
                .and("dueOn").lte(today.plusDays(terms.instructionDueSoonDays()).toString()));
        int signalled = 0;
        for (Instruction instruction : mongo.find(query, Instruction.class)) {
            boolean[] overdue = {false};
            if (instruction.signalDeadline(today, terms.dueSoonFrom(instruction.dueOn()), () -> overdue[0] = true)) {
                store.update(instruction);
                if (overdue[0]) {
                    missedTerms.missed("INSTRUCTION_DUE");
                }
                signalled++;
            }
        }
        return signalled;
    }

    /** Open (not closed) instructions of a territory, and how many of them are overdue. */
    public long openCount(String territory) {
        return mongo.count(Query.query(Criteria.where("territory").is(territory)
                .and("state").in(InstructionState.OPEN)), Instruction.class);
    }

    public List<Instruction> overdue(String territory, int limit) {
        return mongo.find(Query.query(InstructionFilter.overdue(today()).and("territory").is(territory))
                .with(Sort.by("dueOn")).limit(limit), Instruction.class);
    }

    public long overdueCount(String territory) {
        return mongo.count(Query.query(InstructionFilter.overdue(today()).and("territory").is(territory)),
                Instruction.class);
    }

    private double overdueCount() {
        return mongo.count(Query.query(InstructionFilter.overdue(today())), Instruction.class);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
