package ru.outreach.reporting.projection;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

import com.mongodb.client.result.UpdateResult;

/**
 * A MongoTemplate over the same store that dies after a given number of single-document writes: the write after the
 * last allowed one, and every write after it, throws {@link Crash} instead of reaching the store, as if the process
 * had been killed there. A bulk counts as its operations one by one, so a crash can fall in the middle of a bulk (the
 * operations before it are applied, as the store does with an unordered bulk that a dying client stops sending); a
 * multi-document update counts as one write.
 */
final class CrashingMongoTemplate extends MongoTemplate {

    /** The process died here. An error, so that no {@code catch (RuntimeException)} on the way takes it for a failure. */
    static final class Crash extends Error {
        Crash(int writes) {
            super("Crashed after " + writes + " writes");
        }
    }

    private final int allowed;
    private int writes;

    /** @param allowed single-document writes that reach the store before the crash; negative: never crash */
    CrashingMongoTemplate(MongoTemplate store, int allowed) {
        super(store.getMongoDatabaseFactory(), store.getConverter());
        this.allowed = allowed;
    }

    /** The writes that reached the store. */
    int writes() {
        return writes;
    }

    boolean crashed() {
        return allowed >= 0 && writes >= allowed;
    }

    @Override
    public BulkOperations bulkOps(BulkMode mode, String collectionName) {
        return recording(super.bulkOps(mode, collectionName));
    }

    @Override
    public BulkOperations bulkOps(BulkMode mode, Class<?> entityClass, String collectionName) {
        return recording(super.bulkOps(mode, entityClass, collectionName));
    }

    @Override
    public BulkOperations bulkOps(BulkMode mode, Class<?> entityType) {
        return recording(super.bulkOps(mode, entityType));
    }

    @Override
    public UpdateResult updateMulti(Query query, UpdateDefinition update, String collectionName) {
        write();
        return super.updateMulti(query, update, collectionName);
    }

    @Override
    public UpdateResult updateMulti(Query query, UpdateDefinition update, Class<?> entityClass, String collectionName) {
        write();
        return super.updateMulti(query, update, entityClass, collectionName);
    }

    @Override
    public UpdateResult upsert(Query query, UpdateDefinition update, Class<?> entityClass, String collectionName) {
        write();
        return super.upsert(query, update, entityClass, collectionName);
    }

    @Override
    public UpdateResult upsert(Query query, UpdateDefinition update, String collectionName) {
        write();
        return super.upsert(query, update, collectionName);
    }

    @Override
    public UpdateResult updateFirst(Query query, UpdateDefinition update, String collectionName) {
        write();
        return super.updateFirst(query, update, collectionName);
    }

    private void write() {
        if (allowed >= 0 && writes >= allowed) {
            throw new Crash(writes);
        }
        writes++;
    }

    /** A bulk that records its operations and, on execute, sends those that come before the crash. */
    private BulkOperations recording(BulkOperations real) {
        List<Object[]> calls = new ArrayList<>();
        List<Method> methods = new ArrayList<>();
        return (BulkOperations) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BulkOperations.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        boolean dies = false;
                        int sent = 0;
                        for (int i = 0; i < calls.size(); i++) {
                            if (allowed >= 0 && writes >= allowed) {
                                dies = true;
                                break;
                            }
                            invoke(real, methods.get(i), calls.get(i));
                            writes++;
                            sent++;
                        }
                        if (dies && sent == 0) {
                            throw new Crash(writes);
                        }
                        try {
                            Object result = real.execute();
                            if (dies) {
                                throw new Crash(writes);
                            }
                            return result;
                        } catch (RuntimeException e) {
                            if (dies) {
                                throw new Crash(writes);
                            }
                            throw e;
                        }
                    }
                    if (method.isDefault()) {
                        // runs on the proxy, so the abstract operation it calls is recorded
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(real, args);
                    }
                    calls.add(args);
                    methods.add(method);
                    return proxy;
                });
    }

    private static void invoke(BulkOperations real, Method method, Object[] args) {
        try {
            method.invoke(real, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
