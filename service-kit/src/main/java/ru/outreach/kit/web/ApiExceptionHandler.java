package ru.outreach.kit.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import ru.outreach.kit.support.DomainException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every refusal into RFC 9457 problem details. Input errors carry {@code errors: [{field, message}]} so a form
 * can show each message beside its field; a JSON body that cannot be read names the field where reading stopped.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final Pattern PARAMETER = Pattern.compile("Parameter \\[([^\\]]*)\\]");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"");

    private final MessageSource messages;
    private final Problems problems;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
        this.problems = new Problems(messages);
        setMessageSource(messages);
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException e) {
        String detail = text(e.code(), e.args());
        ProblemDetail problem = problems.problem(e.status(), e.code(), detail, locale());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(Problems.fieldError(e.field(), detail)));
        }
        return problemResponse(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException e) {
        return problemResponse(problems.problem(HttpStatus.CONFLICT, "concurrent-change",
                text("error.concurrent-change"), locale()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String detail = text("error.parameter-invalid", e.getName(), printed(e.getValue()));
        return problemResponse(invalidInput(detail, List.of(Problems.fieldError(e.getName(), detail))));
    }

    /** Constraints on a parameter checked by a validating proxy rather than by Spring MVC. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(violation -> Problems.fieldError(leaf(violation), violation.getMessage()))
                .toList();
        return problemResponse(invalidInput(summary(errors), errors));
    }

    /** A query string that is not UTF-8 or not of the form name=value&...: Tomcat gives up decoding it. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<Object> undecodableQuery(org.apache.tomcat.util.http.InvalidParameterException e) {
        Matcher parameter = PARAMETER.matcher(String.valueOf(e.getMessage()));
        String detail = text("error.query-undecodable");
        List<Map<String, String>> errors = parameter.find() && !parameter.group(1).contains("\uFFFD")
                ? List.of(Problems.fieldError(parameter.group(1), detail)) : List.of();
        return problemResponse(invalidInput(detail, errors));
    }

    /** A multipart body (or a multipart type without one) sent to an endpoint that reads JSON. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e) {
        return problemResponse(problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                text("error.media-type-unsupported"), locale()));
    }

    /**
     * A duty the caller lacks, found past the filter chain (e.g. a check in a service): the same 403 as
     * the filter chain's, not the 500 of the catch-all below.
     */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<Object> forbidden(org.springframework.security.access.AccessDeniedException e) {
        return problemResponse(problems.problem(HttpStatus.FORBIDDEN, "forbidden", text("error.forbidden"),
                locale()));
    }

    /** Whatever nobody foresaw: logged with its stack, answered without it. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return problemResponse(problems.forStatus(HttpStatus.INTERNAL_SERVER_ERROR, locale()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Problems.fieldError(error.getField(), message(error)))
                .toList();
        return problemResponse(invalidInput(summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Problems.fieldError(result.getMethodParameter().getParameterName(),
                                messages.getMessage(error, locale()))))
                .toList();
        return problemResponse(invalidInput(summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = text("error.parameter-missing", e.getParameterName());
        return problemResponse(invalidInput(detail, List.of(Problems.fieldError(e.getParameterName(), detail))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (!(e.getCause() instanceof JacksonException json)) {
            return problemResponse(invalidInput(text("error.body-unreadable"), List.of()));
        }
        String field = path(json);
        String detail = unreadable(json, field);
        if (field.isEmpty()) {
            return problemResponse(invalidInput(detail, List.of()));
        }
        return problemResponse(invalidInput(detail, List.of(Problems.fieldError(field, detail))));
    }

    /** Every other refusal of Spring MVC: the localized title, and the detail of {@code problemDetail.*}. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setTitle(problems.title(status, locale()));
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(java.net.URI.create(Problems.TYPE_PREFIX + "http-" + status.value()));
            }
        }
        HttpHeaders answer = new HttpHeaders();
        answer.putAll(headers);
        answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return super.handleExceptionInternal(e, body, answer, status, request);
    }

    private String unreadable(JacksonException json, String field) {
        if (field.isEmpty()) {
            return text("error.body-unreadable");
        }
        if (json instanceof UnrecognizedPropertyException) {
            return text("error.field-unknown", field);
        }
        if (json instanceof DateOutOfRange range) {
            return text("error.date-out-of-range", field, range.getValue(), StrictJson.EARLIEST,
                    StrictJson.LATEST);
        }
        if (json instanceof InvalidNullException) {
            return text("error.field-null", field);
        }
        if (json instanceof MismatchedInputException mismatch) {
            Class<?> target = mismatch.getTargetType();
            if (target != null && target.isEnum()) {
                return text("error.field-enum", field, printed(mismatch instanceof InvalidFormatException invalid
                        ? invalid.getValue() : null), Arrays.stream(target.getEnumConstants())
                        .map(String::valueOf).collect(Collectors.joining(", ")));
            }
            return text("error.field-type", field, text("type." + kind(target)));
        }
        if (json instanceof StreamReadException && DUPLICATE.matcher(json.getOriginalMessage()).find()) {
            return text("error.field-duplicate", field);
        }
        if (json instanceof StreamReadException) {
            return text("error.field-syntax", field);
        }
        return text("error.field-unreadable", field);
    }

    private static String kind(Class<?> target) {
        if (target == null) {
            return "value";
        }
        if (target == String.class || target == Character.class || target == char.class) {
            return "text";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == Short.class || target == short.class || target == java.math.BigInteger.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class) {
            return "number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "boolean";
        }
        if (target == LocalDate.class) {
            return "date";
        }
        if (target == LocalDateTime.class || Temporal.class.isAssignableFrom(target)) {
            return "date-time";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "list";
        }
        return "object";
    }

    /** The field as a client names it: {@code venue.kind}, {@code receptionCards[0].question}. */
    private static String path(JacksonException e) {
        String fromPath = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (!fromPath.isEmpty() || !(e.processor() instanceof JsonParser parser)) {
            return fromPath;
        }
        return parserPath(parser.streamReadContext(), e);
    }

    /** Where the parser stood when the text stopped being JSON (NaN, 007, a duplicate key...). */
    private static String parserPath(TokenStreamContext context, JacksonException e) {
        Deque<String> segments = new ArrayDeque<>();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.currentName() != null) {
                segments.addFirst(at.currentName());
            } else if (at.inArray() && at.hasCurrentIndex()) {
                segments.addFirst("[" + at.getCurrentIndex() + "]");
            }
        }
        if (segments.isEmpty()) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            return duplicate.find() ? duplicate.group(1) : "";
        }
        return String.join(".", segments).replace(".[", "[");
    }

    private static String leaf(ConstraintViolation<?> violation) {
        return StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .reduce((first, second) -> second).map(Path.Node::getName).orElse("");
    }

    /** A query value as the client sent it: a repeated parameter prints all its values. */
    private static String printed(Object value) {
        if (value instanceof Object[] values) {
            return Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(", "));
        }
        return Optional.ofNullable(value).map(String::valueOf).orElse("");
    }

    private ProblemDetail invalidInput(String detail, List<Map<String, String>> errors) {
        return problems.invalidInput(detail, errors, locale());
    }

    private static ResponseEntity<Object> problemResponse(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private String summary(List<Map<String, String>> errors) {
        return errors.stream().map(e -> e.get("field") + ": " + e.get("message"))
                .collect(Collectors.joining("; ", text("error.invalid-input") + " ", ""));
    }

    private String message(FieldError error) {
        return messages.getMessage(error, locale());
    }

    private String text(String code, Object... args) {
        return problems.text(code, locale(), args);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
