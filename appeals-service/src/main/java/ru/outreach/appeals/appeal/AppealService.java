package ru.outreach.appeals.appeal;

import ru.outreach.events.appeals.AppealState;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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
import ru.outreach.appeals.appeal.Appeal.Registration;
import ru.outreach.appeals.appeal.AppealRecords.AnswerForm;
import ru.outreach.appeals.appeal.AppealRecords.Citizen;
import ru.outreach.appeals.category.Categories;
import ru.outreach.appeals.terms.MissedTermsCounter;
import ru.outreach.appeals.terms.Terms;
import ru.outreach.events.appeals.AppealTerm;
import ru.outreach.events.appeals.AppealsEvent.AppealTermMissed;
import ru.outreach.kit.outbox.AggregateStore;
import ru.outreach.kit.support.NotFoundException;
import ru.outreach.kit.support.RuleViolationException;

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
                .description("Appeals registered or assigned: an answer, redirect or decision is still owed")
                .register(registry);
    }

    Appeal register(AppealRequests.RegisterAppeal request) {
        LocalDate today = today();
        LocalDate registeredOn = request.registeredOn() == null ? today : request.registeredOn();
        if (registeredOn.isAfter(today)) {
            throw new RuleViolationException("registeredOn", "error.date-in-future", registeredOn);
        }
        if (request.receivedOn().isAfter(today)) {
            throw new RuleViolationException("receivedOn", "error.date-in-future", request.receivedOn());
        }
        AppealRequests.CitizenInput input = request.citizen();
        Citizen citizen = input == null ? new Citizen(null, null, null, null)
                : new Citizen(blankToNull(input.fullName()), blankToNull(input.postalAddress()),
                        blankToNull(input.phone()), blankToNull(input.email()));
        Registration registration = new Registration(request.channel(), request.receivedOn(), registeredOn, citizen,
                request.text(), categories.require(request.category(), "category"), request.territory().trim(),
                Boolean.TRUE.equals(request.reportsCrime()), null, null);
        return register(UUID.randomUUID().toString(), registration);
    }

    /** Registers an appeal under the given id; the caller makes sure the id is new (or deterministic). */
    public Appeal register(String id, Registration registration) {
        Appeal appeal = Appeal.register(id, registration, previousAppealId(registration), terms);
        List<AppealTerm> missed = missedTermsOf(appeal);
        store.insert(appeal);
        missed.forEach(term -> missedTerms.missed(term.name()));
        return appeal;
    }

    public boolean exists(String id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), Appeal.class);
    }

    /** The citizen's latest appeal in the same category received within a year before this one. */
    private String previousAppealId(Registration registration) {
        String key = CitizenKey.of(registration.citizen() == null ? new Citizen(null, null, null, null)
                : registration.citizen());
        if (key == null) {
            return null;
        }
        Query query = Query.query(Criteria.where("citizenKey").is(key).and("category").is(registration.category())
                        .and("receivedOn").gte(registration.receivedOn().minusYears(1))
                        .lte(registration.receivedOn()))
                .with(Sort.by(Sort.Direction.DESC, "receivedOn")).limit(1);
        query.fields().include("_id");
        Appeal previous = mongo.findOne(query, Appeal.class);
        return previous == null ? null : previous.id();
    }

    Appeal assign(String id, AppealRequests.Assign request) {
        Appeal appeal = get(id);
        LocalDate today = today();
        appeal.assign(request.executorDepartment().trim(),
                request.assignedOn() == null ? today : request.assignedOn(), today);
        return save(appeal);
    }

    Appeal answer(String id, AppealRequests.AnswerAppeal request) {
        Appeal appeal = get(id);
        appeal.answer(request.text(), request.answeredOn(), request.answeredBy(),
                request.form() == null ? AnswerForm.WRITTEN : request.form(),
                Boolean.TRUE.equals(request.citizenConsentedToOral()), today());
        return save(appeal);
    }

    Appeal extend(String id, AppealRequests.Extend request) {
        Appeal appeal = get(id);
        appeal.extend(request.days(), request.reason(), request.decidedOn(), request.citizenNotifiedOn(), terms,
                today());
        return save(appeal);
    }

    Appeal redirect(String id, AppealRequests.RedirectAppeal request) {
        Appeal appeal = get(id);
        appeal.redirect(request.competentBody(), request.redirectedOn(), request.citizenNotifiedOn(), today());
        return save(appeal);
    }

    Appeal leaveWithoutAnswer(String id, AppealRequests.LeaveWithoutAnswer request) {
        Appeal appeal = get(id);
        appeal.leaveWithoutAnswer(request.ground(), request.note(), request.decidedOn(), today());
        return save(appeal);
    }

    Appeal close(String id, AppealRequests.Close request) {
        Appeal appeal = get(id);
        appeal.close(request.closedOn(), request.closedBy(), today());
        return save(appeal);
    }

    public Appeal get(String id) {
        Appeal appeal = mongo.findById(id, Appeal.class);
        if (appeal == null) {
            throw new NotFoundException("error.appeal-not-found", id);
        }
        return appeal;
    }

    Page<Appeal> list(AppealFilter filter, Pageable pageable) {
        Query query = Query.query(filter.criteria(today()));
        List<Appeal> page = mongo.find(Query.of(query).with(pageable), Appeal.class);
        return PageableExecutionUtils.getPage(page, pageable, () -> mongo.count(Query.of(query), Appeal.class));
    }

    /** Records the answer term as missed on every open appeal past it, once per due date. Returns how many. */
    public int checkAnswerTerms() {
        LocalDate today = today();
        Query query = Query.query(AppealFilter.overdue(today));
        int missed = 0;
        for (Appeal appeal : mongo.find(query, Appeal.class)) {
            if (appeal.checkAnswerTerm(today)) {
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
