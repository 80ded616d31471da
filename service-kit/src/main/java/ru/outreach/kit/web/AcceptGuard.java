package ru.outreach.kit.web;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a request whose {@code Accept} no answer of its handler can satisfy, before the handler runs: otherwise a
 * write would be stored and its events published, and only then would content negotiation answer 406. A handler
 * answers what its mapping's {@code produces} says, or JSON and problem details when it says nothing.
 */
final class AcceptGuard implements HandlerInterceptor {

    static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() != DispatcherType.REQUEST
                || ErrorController.class.isAssignableFrom(method.getBeanType())) {
            return true;
        }
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
