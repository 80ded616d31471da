package ru.outreach.kit.support;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;

/**
 * Turns every refusal into RFC 9457 problem details. Input errors carry {@code errors: [{field, message}]} so a form
 * can show each message beside its field.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e) {
        String detail = text(e.code(), e.args());
        ProblemDetail problem = problem(e.status(), e.code(), detail);
        if (e.field() != null) {
            problem.setProperty("errors", List.of(fieldError(e.field(), detail)));
        }
        return problem;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", text("error.concurrent-change"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String detail = text("error.parameter-invalid", e.getName(), String.valueOf(e.getValue()));
        return invalidInput(detail, List.of(fieldError(e.getName(), detail)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldError(error.getField(), message(error)))
                .toList();
        return ResponseEntity.badRequest().body(invalidInput(summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> fieldError(result.getMethodParameter().getParameterName(),
                                messages.getMessage(error, locale()))))
                .toList();
        return ResponseEntity.badRequest().body(invalidInput(summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e.getCause() instanceof JacksonException json ? path(json) : "";
        String detail = field.isEmpty() ? text("error.body-unreadable") : text("error.field-unreadable", field);
        List<Map<String, String>> errors = field.isEmpty() ? List.of() : List.of(fieldError(field, detail));
        return ResponseEntity.badRequest().body(invalidInput(detail, errors));
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private ProblemDetail invalidInput(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private ProblemDetail problem(HttpStatus status, String kind, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(),
                locale()));
        problem.setType(URI.create("urn:outreach:problem:" + kind.replaceFirst("^error\\.", "")));
        return problem;
    }

    private String summary(List<Map<String, String>> errors) {
        return errors.stream().map(e -> e.get("field") + ": " + e.get("message"))
                .collect(Collectors.joining("; ", text("error.invalid-input") + " ", ""));
    }

    private String message(FieldError error) {
        return messages.getMessage(error, locale());
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, locale());
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
