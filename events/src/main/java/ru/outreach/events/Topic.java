package ru.outreach.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A topic of the contract: its name, what its key is, and the event types it carries (the permitted records of a
 * sealed interface).
 */
public record Topic<E extends ContractEvent>(String name, String key, Class<E> valueType) {

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
