package ru.outreach.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A topic of the contract: its name, what its key is, the event types it carries (the permitted records of a
 * sealed interface), and whether its records hold citizens' personal data (then they are kept for a bounded time
 * only, 152-FZ: no longer than their purpose needs).
 */
public record Topic<E extends ContractEvent>(String name, String key, Class<E> valueType, boolean personalData) {

    /** A topic without personal data. */
    public Topic(String name, String key, Class<E> valueType) {
        this(name, key, valueType, false);
    }

    public Map<String, Class<? extends E>> eventTypes() {
        return concreteTypes(valueType)
                .map(type -> type.asSubclass(valueType))
                .collect(Collectors.toUnmodifiableMap(ContractEvent::typeName, Function.identity()));
    }

    private static Stream<Class<?>> concreteTypes(Class<?> type) {
        if (!type.isSealed()) {
            return Stream.of(type);
        }
        return Arrays.stream(type.getPermittedSubclasses()).flatMap(Topic::concreteTypes);
    }

    /** The record class of a {@code ce_type}, if this topic carries it. */
    public Optional<Class<? extends E>> typeOf(String ceType) {
        return Optional.ofNullable(eventTypes().get(ceType));
    }
}
