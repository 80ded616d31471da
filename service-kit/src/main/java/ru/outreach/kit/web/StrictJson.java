package ru.outreach.kit.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.function.Function;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads request bodies strictly, so that what a client sends is what it meant: a key given twice, an unknown field,
 * a number where text is expected, {@code 1.5} for a whole number, a number or an out-of-range year for a date, a
 * null inside a list are all refused, each naming its field. Writing is untouched.
 */
final class StrictJson implements JsonMapperBuilderCustomizer {

    /** The span of days the administration's records can hold; anything outside is a typing error. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                .changeDefaultNullHandling(nulls -> JsonSetter.Value.construct(nulls.getValueNulls(), Nulls.FAIL))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .addModule(new SimpleModule("outreach-strict-dates")
                        .addDeserializer(LocalDate.class, new BoundedDate<>(LocalDate.class,
                                DateTimeFormatter.ISO_LOCAL_DATE, LocalDate::from, day -> day))
                        .addDeserializer(LocalDateTime.class, new BoundedDate<>(LocalDateTime.class,
                                DateTimeFormatter.ISO_LOCAL_DATE_TIME, LocalDateTime::from,
                                LocalDateTime::toLocalDate)));
    }

    /** Whether a day is inside {@link #EARLIEST}..{@link #LATEST}. */
    static boolean inRange(LocalDate day) {
        return !day.isBefore(EARLIEST) && !day.isAfter(LATEST);
    }

    /** An ISO date or date-time given as a string, inside the range; a number, an array or an object is refused. */
    private static final class BoundedDate<T> extends ValueDeserializer<T> {

        private final Class<T> type;
        private final DateTimeFormatter format;
        private final Function<TemporalAccessor, T> from;
        private final Function<T, LocalDate> day;

        BoundedDate(Class<T> type, DateTimeFormatter format, Function<TemporalAccessor, T> from,
                    Function<T, LocalDate> day) {
            this.type = type;
            this.format = format;
            this.from = from;
            this.day = day;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(type, parser);
            }
            String text = parser.getString().trim();
            T value;
            try {
                value = from.apply(format.parse(text));
            } catch (DateTimeParseException e) {
                return (T) context.handleWeirdStringValue(type, text, "not an ISO-8601 value");
            }
            if (!inRange(day.apply(value))) {
                throw new DateOutOfRange(parser, text, type);
            }
            return value;
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }
}
