package ru.outreach.reporting.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** What the read models hold, in a form that compares: for tests that build them in two ways. */
final class ReadModelSnapshot {

    /**
     * Every non-zero counter of every cell, every fact document without its bookkeeping (revision, pending
     * differences), and the category names.
     */
    static Map<String, Object> of(MongoTemplate mongo) {
        Map<String, Object> all = new TreeMap<>();
        for (String kind : Kinds.CELLS) {
            for (Document doc : mongo.findAll(Document.class, Kinds.collection(kind))) {
                Document c = doc.get("c", Document.class);
                c.forEach((counter, n) -> {
                    if (((Number) n).longValue() != 0) {
                        all.put(kind + "/" + doc.get("_id") + "/" + counter, ((Number) n).longValue());
                    }
                });
            }
        }
        for (String collection : Kinds.FACTS) {
            for (Document doc : mongo.findAll(Document.class, collection)) {
                doc.remove("pending");
                doc.remove("rev");
                doc.remove("_class");
                all.put(collection + "/" + doc.get("_id"), new TreeMap<>(doc).toString());
            }
        }
        for (Document doc : mongo.findAll(Document.class, Kinds.CATEGORIES)) {
            all.put(Kinds.CATEGORIES + "/" + doc.get("_id"), new TreeMap<>(doc).toString());
        }
        return all;
    }

    /** Pending differences left in fact documents and operation ids left in cells. */
    static List<String> leftovers(MongoTemplate mongo) {
        List<String> left = new ArrayList<>();
        for (String collection : Kinds.FACTS) {
            for (Document doc : mongo.findAll(Document.class, collection)) {
                List<?> pending = doc.getList("pending", Object.class);
                if (pending != null && !pending.isEmpty()) {
                    left.add(collection + "/" + doc.get("_id") + " pending " + pending);
                }
            }
        }
        for (String kind : Kinds.CELLS) {
            for (Document doc : mongo.findAll(Document.class, Kinds.collection(kind))) {
                List<?> ops = doc.getList("ops", Object.class);
                if (ops != null && !ops.isEmpty()) {
                    left.add(kind + "/" + doc.get("_id") + " ops " + ops);
                }
            }
        }
        return left;
    }

    private ReadModelSnapshot() {
    }
}
