package ru.outreach.reporting.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.ComparisonOperators;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import ru.outreach.reporting.projection.AppealFacts;
import ru.outreach.reporting.projection.Kinds;
import ru.outreach.reporting.report.AppealBasis;
import ru.outreach.reporting.report.AppealFilter;
import ru.outreach.reporting.report.AppealItem;
import ru.outreach.reporting.report.Period;
import ru.outreach.reporting.report.ReportItems;

/**
 * The appeals behind a figure of reports 2 and 3, a page at a time from the store. The criteria say what
 * {@link AppealFacts#cells()} counts: by the day of receipt (registration in older events) or of assignment to an
 * executor; a missing category counts as {@code OTHER}, a missing territory or channel as empty; settled = answered,
 * closed, redirected or left without answer; overdue = not settled with the answer's due day before today.
 */
@Component
class AppealItemsQuery {

    private static final List<String> SETTLING = List.of("answeredOn", "closedOn", "redirectedOn", "withoutAnswerOn");

    private final MongoTemplate mongo;
    private final CategoryNames categories;
    private final Clock clock;

    AppealItemsQuery(MongoTemplate mongo, CategoryNames categories, Clock clock) {
        this.mongo = mongo;
        this.categories = categories;
        this.clock = clock;
    }

    ReportItems<AppealItem> items(AppealFilter filter, Period period, int page, int size) {
        LocalDate today = LocalDate.now(clock);
        Criteria criteria = new Criteria().andOperator(criteria(filter, period, today));
        long total = mongo.count(query(criteria), Kinds.APPEALS);
        Sort order = filter.basis() == AppealBasis.ASSIGNED ? Sort.by("assignedOn", "_id")
                : Sort.by("receivedOn", "registeredOn", "_id");
        Query pageQuery = query(criteria).with(order).skip((long) page * size).limit(size);
        Map<String, String> names = categories.all();
        List<AppealItem> items = mongo.find(pageQuery, AppealFacts.class, Kinds.APPEALS).stream()
                .map(a -> item(a, names, today)).toList();
        return ReportItems.of(period, items, page, size, total, sums(criteria));
    }

    private static List<Criteria> criteria(AppealFilter filter, Period period, LocalDate today) {
        String from = period.from().toString();
        String to = period.to().toString();
        List<Criteria> all = new ArrayList<>();
        if (filter.basis() == AppealBasis.ASSIGNED) {
            all.add(where("department").ne(null));
            all.add(where("assignedOn").gte(from).lte(to));
        } else {
            all.add(new Criteria().orOperator(where("receivedOn").gte(from).lte(to),
                    where("receivedOn").is(null).and("registeredOn").gte(from).lte(to)));
        }
        if (filter.category() != null) {
            all.add("OTHER".equals(filter.category()) ? where("category").in("OTHER", null)
                    : where("category").is(filter.category()));
        }
        if (filter.territory() != null) {
            all.add(filter.territory().isEmpty() ? where("territory").in("", null)
                    : where("territory").is(filter.territory()));
        }
        if (filter.channel() != null) {
            all.add(where("channel").is(filter.channel().name()));
        }
        if (filter.department() != null) {
            all.add(where("department").is(filter.department()));
        }
        if (filter.state() != null) {
            all.add(where("state").is(filter.state().name()));
        }
        if (filter.figure() != null) {
            all.addAll(switch (filter.figure()) {
                case ANSWERED -> List.of(where("answeredOn").ne(null));
                case ANSWERED_WITHIN_TERM -> List.of(where("answeredOn").ne(null), where("answerDueOn").ne(null),
                        Criteria.expr(ComparisonOperators.Lte.valueOf("answeredOn").lessThanEqualTo("answerDueOn")));
                case EXTENDED -> List.of(where("extensions").gt(0));
                case REDIRECTED -> List.of(where("redirectedOn").ne(null));
                case REPEATED -> List.of(where("repeated").is(true));
                case OPEN_AT_END -> SETTLING.stream().map(day -> new Criteria().orOperator(where(day).is(null),
                        where(day).gt(period.year() + "-12-31"))).toList();
                case OVERDUE -> {
                    List<Criteria> overdue = new ArrayList<>();
                    SETTLING.forEach(day -> overdue.add(where(day).is(null)));
                    overdue.add(where("answerDueOn").lt(today.toString()));
                    yield overdue;
                }
            });
        }
        return all;
    }

    private Map<String, Long> sums(Criteria criteria) {
        Document sum = mongo.aggregate(Aggregation.newAggregation(Aggregation.match(criteria),
                        Aggregation.group().sum("extensions").as("extensions")), Kinds.APPEALS, Document.class)
                .getUniqueMappedResult();
        long extensions = sum == null || sum.get("extensions") == null ? 0
                : ((Number) sum.get("extensions")).longValue();
        return Map.of("extensions", extensions);
    }

    private static AppealItem item(AppealFacts a, Map<String, String> names, LocalDate today) {
        String category = a.category() == null ? "OTHER" : a.category();
        boolean overdue = a.settledOn() == null && a.answerDueOn() != null && a.answerDueOn().isBefore(today);
        Long days = a.answeredOn() != null && a.registeredOn() != null
                ? ChronoUnit.DAYS.between(a.registeredOn(), a.answeredOn()) : null;
        return new AppealItem(a.id(), a.countedOn(), a.registeredOn(), category, names.getOrDefault(category, category),
                a.territory(), a.channel(), a.state(), a.department(), a.assignedOn(), a.answerDueOn(),
                a.answeredOn(), a.answeredWithinTerm(), days, a.extensions(), a.redirectedOn(), a.repeated(),
                overdue);
    }
}
