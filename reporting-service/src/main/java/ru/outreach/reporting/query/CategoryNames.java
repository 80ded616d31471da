package ru.outreach.reporting.query;

import ru.outreach.kit.support.NaturalOrder;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import ru.outreach.reporting.projection.CategoryName;
import ru.outreach.reporting.projection.Kinds;

/** The classifier's category names as the events carried them, the latest per code (a few dozen documents). */
@Component
class CategoryNames {

    private final MongoTemplate mongo;

    CategoryNames(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Code → name, ordered by name. */
    Map<String, String> all() {
        Map<String, String> names = new LinkedHashMap<>();
        mongo.findAll(CategoryName.class, Kinds.CATEGORIES).stream()
                .sorted(Comparator.comparing(CategoryName::name, NaturalOrder.NAMES)
                        .thenComparing(CategoryName::code))
                .forEach(n -> names.put(n.code(), n.name()));
        return names;
    }
}
