package ru.outreach.reporting.projection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.bson.Document;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writes to the cells. An operation's difference is applied to a cell at most once: the update adds the operation id
 * to the cell's {@code ops} in the same single-document write and matches only a cell without it
 * ({@code {_id, ops: {$ne: op}}}, upsert). Where the cell exists with the id already, the upsert tries to insert and
 * fails with a duplicate key; so does the losing one of two writers that create a cell at once. Each such update is
 * sent again without upsert: the cell exists now, so it applies unless the cell has the operation.
 */
final class CellWrites {

    private static final int DUPLICATE_KEY = 11000;

    /** The difference an operation makes to the cells. */
    record Op(String id, Cells cells) {
    }

    private final MongoTemplate mongo;
    private final ReadModelNames names;

    CellWrites(MongoTemplate mongo, ReadModelNames names) {
        this.mongo = mongo;
        this.names = names;
    }

    /** Applies each operation to the cells that have not got it yet; returns the ids of the cells touched, per kind. */
    Map<String, Set<String>> apply(List<Op> ops) {
        Map<String, List<Write>> byKind = new LinkedHashMap<>();
        for (Op op : ops) {
            op.cells().asMap().forEach((key, counts) -> byKind.computeIfAbsent(key.kind(), k -> new ArrayList<>())
                    .add(new Write(key, counts, op.id())));
        }
        Map<String, Set<String>> touched = new LinkedHashMap<>();
        byKind.forEach((kind, writes) -> {
            List<Write> existing = execute(kind, writes, true);
            if (!existing.isEmpty()) {
                execute(kind, existing, false);
            }
            writes.forEach(w -> touched.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(w.key().id()));
        });
        return touched;
    }

    /** Takes the operation ids out of the cells once no fact document holds them pending. */
    void forget(Map<String, Set<String>> cells, Collection<String> ops) {
        if (ops.isEmpty()) {
            return;
        }
        Object[] ids = ops.toArray();
        cells.forEach((kind, cellIds) -> mongo.updateMulti(query(where("_id").in(cellIds).and("ops").in(ids)),
                new Update().pullAll("ops", ids), names.cells(kind)));
    }

    /**
     * Takes out of every cell the operation ids that {@code forgettable} picks from those it is given; returns how many
     * ids went.
     */
    int prune(Function<Set<String>, Set<String>> forgettable) {
        int pruned = 0;
        for (String kind : Kinds.CELLS) {
            Set<String> ops = new LinkedHashSet<>();
            mongo.find(query(where("ops.0").exists(true)), Document.class, names.cells(kind))
                    .forEach(doc -> ops.addAll(doc.getList("ops", String.class)));
            Set<String> gone = ops.isEmpty() ? Set.of() : forgettable.apply(ops);
            if (!gone.isEmpty()) {
                Object[] ids = gone.toArray();
                mongo.updateMulti(query(where("ops").in(ids)), new Update().pullAll("ops", ids), names.cells(kind));
                pruned += gone.size();
            }
        }
        return pruned;
    }

    /** Adds counts to the cells with plain {@code $inc} upserts, without operation ids: for bulk loads. */
    void add(Cells delta) {
        Map<String, BulkOperations> bulks = new LinkedHashMap<>();
        delta.asMap().forEach((key, counts) -> {
            Update update = new Update().setOnInsert("p", key.period()).setOnInsert("d", key.dims());
            counts.forEach((counter, n) -> update.inc("c." + counter, n));
            bulks.computeIfAbsent(key.kind(), kind -> mongo.bulkOps(BulkOperations.BulkMode.UNORDERED,
                    names.cells(kind))).upsert(query(where("_id").is(key.id())), update);
        });
        bulks.values().forEach(BulkOperations::execute);
    }

    private record Write(CellKey key, Map<String, Long> counts, String op) {
    }

    /** Runs the writes of one kind; returns those that met an existing cell on insert (duplicate key). */
    private List<Write> execute(String kind, List<Write> writes, boolean upsert) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, names.cells(kind));
        for (Write write : writes) {
            Update update = new Update().push("ops", write.op());
            write.counts().forEach((counter, n) -> update.inc("c." + counter, n));
            var notYet = query(where("_id").is(write.key().id()).and("ops").ne(write.op()));
            if (upsert) {
                update.setOnInsert("p", write.key().period()).setOnInsert("d", write.key().dims());
                bulk.upsert(notYet, update);
            } else {
                bulk.updateOne(notYet, update);
            }
        }
        List<Write> existing = new ArrayList<>();
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            e.getErrors().forEach(error -> {
                if (error.getCode() != DUPLICATE_KEY || !upsert) {
                    throw e;
                }
                existing.add(writes.get(error.getIndex()));
            });
        }
        return existing;
    }
}
