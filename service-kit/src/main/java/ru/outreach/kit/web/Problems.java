package ru.outreach.kit.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the problem details that every refusal answers with: a localized title per status, a localized detail, a
 * {@code urn:outreach:problem:*} type and, for input errors, {@code errors: [{field, message}]}.
 */
public final class Problems {

    static final String TYPE_PREFIX = "urn:outreach:problem:";

    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail problem(HttpStatusCode status, String kind, String detail, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title(status, locale));
        problem.setType(URI.create(TYPE_PREFIX + kind.replaceFirst("^error\\.", "")));
        return problem;
    }

    ProblemDetail invalidInput(String detail, List<Map<String, String>> errors, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", detail, locale);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A problem for a bare status, as the container or the error page sees it: no exception to explain it. */
    ProblemDetail forStatus(HttpStatusCode status, Locale locale) {
        String code = "error.http." + status.value();
        String fallback = status.is5xxServerError() ? "error.http.5xx" : "error.http.4xx";
        String detail = messages.getMessage(code, null, null, locale);
        if (detail == null) {
            detail = text(fallback, locale);
        }
        return problem(status, "http-" + status.value(), detail, locale);
    }

    String title(HttpStatusCode status, Locale locale) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return messages.getMessage("problem.title." + status.value(), null,
                known == null ? String.valueOf(status.value()) : known.getReasonPhrase(), locale);
    }

    public String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }

    static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
