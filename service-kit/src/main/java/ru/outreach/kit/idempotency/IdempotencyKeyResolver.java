package ru.outreach.kit.idempotency;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import jakarta.servlet.http.HttpServletRequest;
import ru.outreach.kit.security.Actors;

/**
 * Gives a controller method's {@link IdempotencyKey} parameter the request's {@code Idempotency-Key}: null without
 * the header; 400 when it is sent twice, empty, longer than 255 characters or not visible ASCII. The draft's
 * structured-field form in double quotes ({@code "8e03978e-…"}) and the bare form are the same key.
 */
final class IdempotencyKeyResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return IdempotencyKey.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest webRequest, WebDataBinderFactory binders) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        List<String> values = Collections.list(request.getHeaders(IdempotencyKey.HEADER));
        if (values.isEmpty()) {
            return null;
        }
        String key = values.size() == 1 ? unquoted(values.getFirst()) : null;
        if (!IdempotencyKey.valid(key)) {
            throw new InvalidIdempotencyKeyException();
        }
        String body = body(parameter, webRequest);
        return new IdempotencyKey(key, Actors.currentCaller(),
                IdempotencyKey.hash(request.getMethod() + ' ' + request.getRequestURI() + '\n' + body));
    }

    /** {@code "abc"} is the structured-field string abc; a quote or backslash inside is not allowed. */
    static String unquoted(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            String inner = value.substring(1, value.length() - 1);
            return inner.contains("\"") || inner.contains("\\") ? null : inner;
        }
        return value;
    }

    /** The canonical body the handler read: its {@code @RequestBody} comes before this parameter. */
    private static String body(MethodParameter parameter, NativeWebRequest request) {
        MethodParameter[] parameters = Arrays.stream(parameter.getMethod().getParameters())
                .map(MethodParameter::forParameter).toArray(MethodParameter[]::new);
        int bodyIndex = -1;
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].hasParameterAnnotation(RequestBody.class)) {
                bodyIndex = i;
            }
        }
        if (bodyIndex < 0) {
            return "";
        }
        if (bodyIndex > parameter.getParameterIndex()) {
            throw new IllegalStateException(parameter.getMethod() + ": declare the IdempotencyKey parameter after"
                    + " the @RequestBody, so that the body is read before its fingerprint is taken");
        }
        Object canonical = request.getAttribute(RequestFingerprint.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (canonical == null) {
            throw new IllegalStateException("The body of " + parameter.getMethod() + " was not fingerprinted");
        }
        return (String) canonical;
    }
}
