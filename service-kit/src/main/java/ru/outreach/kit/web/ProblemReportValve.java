package ru.outreach.kit.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report for what it refuses before Spring sees the request (an encoded {@code /} or {@code \} or NUL
 * in the path, a malformed request line...): problem details in Russian, or in English when the client prefers it,
 * in place of Tomcat's HTML page.
 */
final class ProblemReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Problems problems;

    ProblemReportValve(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemDetail problem = problems.forStatus(HttpStatusCode.valueOf(status), locale(request));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(body(problem)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more to say
        }
    }

    private static Map<String, Object> body(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        return body;
    }

    private static Locale locale(Request request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Locale.forLanguageTag("ru");
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .map(range -> range.getRange().toLowerCase(Locale.ROOT))
                    .filter(tag -> tag.startsWith("en") || tag.startsWith("ru"))
                    .findFirst().map(tag -> tag.startsWith("en") ? Locale.ENGLISH : Locale.forLanguageTag("ru"))
                    .orElse(Locale.forLanguageTag("ru"));
        } catch (IllegalArgumentException e) {
            return Locale.forLanguageTag("ru");
        }
    }
}
