package ru.outreach.kit.idempotency;

import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the canonical form of the body that a handler taking an {@link IdempotencyKey} has read: the request as the
 * handler understood it, written as JSON with every object's fields sorted by name. So a retry whose JSON differs
 * only in spacing or in the order of its fields is the same request; one that differs in any value is another.
 */
@ControllerAdvice
final class RequestFingerprint extends RequestBodyAdviceAdapter {

    static final String ATTRIBUTE = RequestFingerprint.class.getName() + ".body";

    private final JsonMapper json;

    RequestFingerprint(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return parameter.getMethod() != null && takesKey(parameter.getMethod().getParameterTypes());
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        if (carriesKey(input)) {
            remember(canonical(body));
        }
        return body;
    }

    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                  Class<? extends HttpMessageConverter<?>> converterType) {
        if (carriesKey(input)) {
            remember(body == null ? "" : canonical(body));
        }
        return body;
    }

    /** Only a request with a key is compared with another: without one, no fingerprint is needed (nor computed). */
    private static boolean carriesKey(HttpInputMessage input) {
        return input.getHeaders().getFirst(IdempotencyKey.HEADER) != null;
    }

    String canonical(Object body) {
        return sorted(json.valueToTree(body)).toString();
    }

    static boolean takesKey(Class<?>[] parameterTypes) {
        return Arrays.asList(parameterTypes).contains(IdempotencyKey.class);
    }

    private static void remember(String canonicalBody) {
        RequestContextHolder.currentRequestAttributes()
                .setAttribute(ATTRIBUTE, canonicalBody, RequestAttributes.SCOPE_REQUEST);
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(field -> fields.put(field.getKey(), sorted(field.getValue())));
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.values().forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }
}
