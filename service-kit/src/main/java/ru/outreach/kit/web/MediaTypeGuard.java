package ru.outreach.kit.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, before the handler runs, a request whose {@code Accept} no answer of its handler can satisfy (406), and a
 * body whose {@code Content-Type} is not JSON (415). Otherwise a write would be stored and its events published, and
 * only then would content negotiation answer 406; and a wildcard content type would fail deep inside Spring with a
 * 500. A handler answers what its mapping's {@code produces} says, or JSON and problem details when it says nothing.
 */
final class MediaTypeGuard implements HandlerInterceptor {

    static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException, HttpMediaTypeNotSupportedException {
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() != DispatcherType.REQUEST
                || ErrorController.class.isAssignableFrom(method.getBeanType())) {
            return true;
        }
        checkContentType(request, method);
        return checkAccept(request);
    }

    /** A handler that reads a body reads JSON. */
    private static void checkContentType(HttpServletRequest request, HandlerMethod method)
            throws HttpMediaTypeNotSupportedException {
        String header = request.getContentType();
        boolean readsBody = Arrays.stream(method.getMethodParameters())
                .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
        if (header == null || !readsBody) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException(e.getMessage(), List.of(MediaType.APPLICATION_JSON));
        }
        boolean json = !type.isWildcardType() && !type.isWildcardSubtype()
                && (MediaType.APPLICATION_JSON.includes(type) || "application".equals(type.getType())
                        && type.getSubtype().endsWith("+json"));
        if (!json) {
            throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON),
                    HttpMethod.valueOf(request.getMethod()));
        }
    }

    private static boolean checkAccept(HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
        String header = String.join(",", Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        if (header.isBlank()) {
            return true;
        }
        Collection<MediaType> offered = offered(request);
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(header);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException(List.copyOf(offered));
        }
        for (MediaType wanted : accepted) {
            if (wanted.getQualityValue() > 0 && offered.stream().anyMatch(wanted::isCompatibleWith)) {
                return true;
            }
        }
        throw new HttpMediaTypeNotAcceptableException(List.copyOf(offered));
    }

    @SuppressWarnings("unchecked")
    private static Collection<MediaType> offered(HttpServletRequest request) {
        Object declared = request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        if (declared instanceof Set<?> types && !types.isEmpty()) {
            return (Set<MediaType>) types;
        }
        return JSON;
    }
}
