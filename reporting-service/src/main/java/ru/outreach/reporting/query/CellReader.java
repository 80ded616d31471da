package ru.outreach.reporting.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import ru.outreach.reporting.projection.Kinds;

/** Reads cells of one kind whose period lies in a range (periods are fixed-width strings, so they compare). */
@Component
class CellReader {

    private final MongoTemplate mongo;

    CellReader(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    List<Cell> read(String kind, String fromPeriod, String toPeriod) {
        Query inRange = query(where("p").gte(fromPeriod).lte(toPeriod));
        inRange.fields().exclude("ops"); // the ids of the writes applied, which no report needs
        return mongo.find(inRange, Document.class, Kinds.collection(kind)).stream().map(CellReader::cell).toList();
    }

    private static Cell cell(Document doc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Document c = doc.get("c", Document.class);
        if (c != null) {
            c.forEach((name, value) -> counts.put(name, ((Number) value).longValue()));
        }
        return new Cell(doc.getString("p"), doc.getList("d", String.class), counts);
    }
}
