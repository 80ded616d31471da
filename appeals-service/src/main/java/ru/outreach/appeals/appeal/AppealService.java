package ru.outreach.appeals.appeal;

import ru.outreach.events.appeals.AppealState;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import ru.outreach.appeals.appeal.Appeal.Receipt;
import ru.outreach.appeals.appeal.Appeal.Registration;
import ru.outreach.appeals.appeal.AppealRecords.AnswerForm;
import ru.outreach.appeals.appeal.AppealRecords.Citizen;
import ru.outreach.appeals.category.Categories;
import ru.outreach.appeals.staff.By;
import ru.outreach.appeals.listing.DueOrder;
import ru.outreach.appeals.staff.Scope;
import ru.outreach.appeals.staff.Signed;
import ru.outreach.kit.security.Actor;
import ru.outreach.appeals.terms.MissedTermsCounter;
import ru.outreach.appeals.terms.Terms;
import ru.outreach.events.appeals.AppealTerm;
import ru.outreach.events.appeals.AppealsEvent.AppealTermMissed;
import ru.outreach.kit.idempotency.IdempotencyKey;
import ru.outreach.kit.outbox.AggregateStore;
import ru.outreach.kit.outbox.Conflicts;
import ru.outreach.kit.support.NotFoundException;
import ru.outreach.kit.support.StepDates;

@Service
public class AppealService {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Terms terms;
    private final Categories categories;
    private final MissedTermsCounter missedTerms;
    private final Clock clock;

    AppealService(MongoTemplate mongo, AggregateStore store, Terms terms, Categories categories,
                  MissedTermsCounter missedTerms, Clock clock, MeterRegistry registry) {
        this.mongo = mongo;
        this.store = store;
        this.terms = terms;
        this.categories = categories;
        this.missedTerms = missedTerms;
        this.clock = clock;
        Gauge.builder("outreach.appeals.open", this, AppealService::openCount)
                .description("Appeals received, registered or assigned: a registration, answer, redirect or decision is still owed")
                .register(registry);
    }

    /**
     * Registers an appeal received by post, in person or electronically; with an idempotency key, once: a retry
     * answers the appeal registered first.
     */
    Appeal register(AppealRequests.RegisterAppeal request, Actor actor, IdempotencyKey key) {
        LocalDate today = today();
        List<AppealTerm> missed = new ArrayList<>();
        AggregateStore.Creation<Appeal> creation = store.create(Appeal.class, key, id -> {
            AppealRequests.CitizenInput input = request.citizen();
            Citizen citizen = input == null ? new Citizen(null, null, null, null)
                    : new Citizen(blankToNull(input.fullName()), blankToNull(input.postalAddress()),
                            blankToNull(input.phone()), blankToNull(input.email()));
            Registration registration = new Registration(request.channel(), request.receivedOn(),
                    StepDates.orToday(request.registeredOn(), today), citizen, request.text(),
                    categories.require(request.category(), "category"), request.territory().trim(),
                    Boolean.TRUE.equals(request.reportsCrime()), null, null);
            Appeal appeal = Appeal.register(id, Signed.by(actor), registration, previousAppealId(id,
                    CitizenKey.of(citizen), registration.category(), registration.receivedOn()),
                    categories.name(registration.category()), terms, today);
            missed.addAll(missedTermsOf(appeal));
            return appeal;
        });
        if (creation.created()) {
            missed.forEach(term -> missedTerms.missed(term.name()));
        }
        return creation.aggregate();
    }

    /**
     * Receives an appeal taken at a meeting under the given id, into the registration queue; the caller makes sure
     * the id is new (or deterministic).
     */
    public Appeal receive(String id, Receipt receipt) {
        return store.insert(Appeal.receive(id, receipt, categories.name(receipt.category()), terms));
    }

    /** The general department registers an appeal of its queue; the terms run from the day of registration. */
    Appeal registerReceived(String id, AppealRequests.RegisterReceived request, Actor actor) {
        By registeredBy = Signed.by(actor, "registeredBy", request == null ? null : request.registeredBy());
        return Conflicts.retried(() -> {
            Appeal appeal = get(id);
            LocalDate today = today();
            String previous = appeal.state() == AppealState.RECEIVED
                    ? previousAppealId(id, appeal.citizenKey(), appeal.category(), appeal.receivedOn()) : null;
            appeal.registerReceived(StepDates.orToday(request == null ? null : request.registeredOn(), today),
                    registeredBy, previous,
                    categories.name(appeal.category()), terms, today);
            return save(appeal);
        });
    }

    /** The registration queue: appeals received at meetings and not registered yet, the oldest receipt first. */
    Page<Appeal> registrationQueue(String territory, Pageable pageable) {
        Criteria criteria = Criteria.where("state").is(AppealState.RECEIVED);
        if (territory != null) {
            criteria.and("territory").is(territory);
        }
        Query query = Query.query(criteria);
        Pageable ordered = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by("receivedOn", "id"));
        List<Appeal> page = mongo.find(Query.of(query).with(ordered), Appeal.class);
        return PageableExecutionUtils.getPage(page, ordered, () -> mongo.count(Query.of(query), Appeal.class));
    }

    public boolean exists(String id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), Appeal.class);
    }

    /**
     * The citizen's latest other appeal in the same category received within a year before this one. Asked through
     * the driver with the stored shapes (days as ISO text): it runs on every registration, and Spring Data's query
     * mapping cost more than the query.
     */
    private String previousAppealId(String id, String citizenKey, String category, LocalDate receivedOn) {
        if (citizenKey == null) {
            return null;
        }
        org.bson.Document previous = mongo.getCollection(mongo.getCollectionName(Appeal.class))
                .find(Filters.and(Filters.eq("citizenKey", citizenKey), Filters.eq("category", category),
                        Filters.ne("_id", id), Filters.gte("receivedOn", receivedOn.minusYears(1).toString()),
                        Filters.lte("receivedOn", receivedOn.toString())))
                .sort(Sorts.descending("receivedOn")).limit(1).projection(Projections.include("_id")).first();
        return previous == null ? null : previous.getString("_id");
    }

    Appeal assign(String id, AppealRequests.Assign request) {
        return Conflicts.retried(() -> {
            Appeal appeal = get(id);
            LocalDate today = today();
            appeal.assign(request.executorDepartment().trim(), StepDates.orToday(request.assignedOn(), today), today);
            return save(appeal);
        });
    }

    Appeal answer(String id, AppealRequests.AnswerAppeal request, Actor actor) {
        By answeredBy = Signed.by(actor, "answeredBy", request.answeredBy());
        return Conflicts.retried(() -> {
            Appeal appeal = get(id);
            LocalDate today = today();
            appeal.answer(request.text(), StepDates.orToday(request.answeredOn(), today), answeredBy,
                    request.form() == null ? AnswerForm.WRITTEN : request.form(),
                    Boolean.TRUE.equals(request.citizenConsentedToOral()), today);
            return save(appeal);
        });
    }

    Appeal extend(String id, AppealRequests.Extend request) {
        return Conflicts.retried(() -> {
            Appeal appeal = get(id);
            LocalDate today = today();
            appeal.extend(request.days(), request.reason(), StepDates.orToday(request.decidedOn(), today),
                    StepDates.orToday(request.citizenNotifiedOn(), today), terms, today);
            return save(appeal);
        });
    }

    Appeal redirect(String id, AppealRequests.RedirectAppeal request) {
        return Conflicts.retried(() -> {
            Appeal appeal = get(id);
            LocalDate today = today();
            appeal.redirect(request.competentBody(), StepDates.orToday(request.redirectedOn(), today),
                    request.citizenNotifiedOn(), today);
            return save(appeal);
        });
    }

    Appeal leaveWithoutAnswer(String id, AppealRequests.LeaveWithoutAnswer request) {
        return Conflicts.retried(() -> {
            Appeal appeal = get(id);
            LocalDate today = today();
            appeal.leaveWithoutAnswer(request.ground(), request.note(), StepDates.orToday(request.decidedOn(), today),
                    today);
            return save(appeal);
        });
    }

    Appeal close(String id, AppealRequests.Close request, Actor actor) {
        By closedBy = Signed.by(actor, "closedBy", request == null ? null : request.closedBy());
        return Conflicts.retried(() -> {
            Appeal appeal = get(id);
            LocalDate today = today();
            appeal.close(StepDates.orToday(request == null ? null : request.closedOn(), today), closedBy, today);
            return save(appeal);
        });
    }

    public Appeal get(String id) {
        Appeal appeal = mongo.findById(id, Appeal.class);
        if (appeal == null) {
            throw new NotFoundException("error.appeal-not-found", id);
        }
        return appeal;
    }

    /**
     * The appeal as the actor may see it: an executor only one assigned to his department; any other answers 404, as
     * if it did not exist.
     */
    Appeal get(String id, Actor actor) {
        Appeal appeal = get(id);
        if (!Scope.seesAll(actor) && (appeal.assignment() == null
                || !Scope.sameDepartment(actor, appeal.assignment().executorDepartment()))) {
            throw new NotFoundException("error.appeal-not-found", id);
        }
        return appeal;
    }

    /**
     * The list, for an executor only the appeals assigned to his department; {@code sort=due} lists those that owe an
     * answer first (see {@link DueOrder}).
     */
    Page<Appeal> list(AppealFilter filter, Pageable pageable, Actor actor) {
        Criteria criteria = filter.criteria(today());
        String department = Scope.limitedTo(actor);
        if (department != null) {
            criteria = new Criteria().andOperator(criteria,
                    Criteria.where("assignment.executorDepartment").is(department));
        }
        if (DueOrder.requested(pageable)) {
            return DueOrder.page(mongo, Appeal.class, criteria, AppealFilter.answerOwed(), "answerDueOn", pageable);
        }
        Query query = Query.query(criteria);
        List<Appeal> page = mongo.find(Query.of(query).with(pageable), Appeal.class);
        return PageableExecutionUtils.getPage(page, pageable, () -> mongo.count(Query.of(query), Appeal.class));
    }

    /**
     * Records as missed the answer term of every open appeal past it, once per due date. Returns how many. An appeal
     * still in the registration queue records nothing here (its registration term is judged at registration).
     */
    public int checkTerms() {
        LocalDate today = today();
        Query query = Query.query(AppealFilter.overdue(today));
        int missed = 0;
        for (Appeal appeal : mongo.find(query, Appeal.class)) {
            if (appeal.checkTerms(today)) {
                save(appeal);
                missed++;
            }
        }
        return missed;
    }

    /** Open appeals of a territory, counted by category code. */
    public java.util.Map<String, Long> openByCategory(String territory) {
        Query query = Query.query(Criteria.where("territory").is(territory).and("state").in(AppealState.OPEN));
        query.fields().include("category");
        return mongo.find(query, org.bson.Document.class, mongo.getCollectionName(Appeal.class)).stream()
                .collect(java.util.stream.Collectors.groupingBy(document -> document.getString("category"),
                        java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    /**
     * Erases the personal data of every appeal whose retention period ran from {@code cutoff} or earlier (the answer,
     * or the last step) and that is not erased yet. Each appeal is erased by one update that applies only to the
     * version read (and raises it, so that a step computed from the older version cannot write the data back); an
     * appeal changed meanwhile is left for the next run. Returns what was erased.
     */
    public List<Erased> erasePersonalDataBefore(LocalDate cutoff) {
        LocalDate today = today();
        // every step is on or after the receipt: the receipt bounds the candidates, the aggregate decides
        Query candidates = Query.query(Criteria.where("erasedOn").is(null).and("receivedOn").lte(cutoff.toString()))
                .with(Sort.by("receivedOn", "id"));
        List<Erased> erased = new java.util.ArrayList<>();
        for (Appeal appeal : mongo.find(candidates, Appeal.class)) {
            if (appeal.retentionFrom().isAfter(cutoff)) {
                continue;
            }
            long version = appeal.version();
            List<String> fields = appeal.erasePersonalData(today);
            Update update = new Update()
                    .set("citizen", new org.bson.Document())
                    .unset("citizenKey").unset("text")
                    .set("erasedOn", today.toString())
                    .inc("version", 1);
            if (appeal.answer() != null) {
                update.unset("answer.text");
            }
            long changed = mongo.updateFirst(Query.query(Criteria.where("_id").is(appeal.id())
                    .and("version").is(version).and("erasedOn").is(null)), update, Appeal.class).getModifiedCount();
            if (changed == 1) {
                erased.add(new Erased(appeal.id(), fields));
            }
        }
        return erased;
    }

    /** An appeal whose personal data was erased, and the fields that held it. */
    public record Erased(String appealId, List<String> fields) {
    }

    private Appeal save(Appeal appeal) {
        List<AppealTerm> missed = missedTermsOf(appeal);
        store.update(appeal);
        missed.forEach(term -> missedTerms.missed(term.name()));
        return appeal;
    }

    private static List<AppealTerm> missedTermsOf(Appeal appeal) {
        return appeal.pendingEvents().stream().filter(AppealTermMissed.class::isInstance)
                .map(event -> ((AppealTermMissed) event).term()).toList();
    }

    private double openCount() {
        return mongo.count(Query.query(Criteria.where("state").in(AppealState.OPEN)), Appeal.class);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
