package ru.outreach.reporting.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The service's side of the dashboard's sign-in tests, a servlet filter ({@code @Import} it): records every call of
 * {@code /api/**} with its {@code Authorization} header, and answers 401 or 403 for the tokens a test says, as the
 * resource server will. May also stand in for {@code /dashboard/config.json} to turn the page's sign-in off.
 */
public class ApiRequestLog extends OncePerRequestFilter {

    /** A call of the API: its method, path with query and {@code Authorization} header (null without one). */
    record Call(String method, String path, String authorization) {

        String token() {
            return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        }
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** The status for a bearer token (null without one): 0 lets the call through. */
    volatile ToIntFunction<String> refusal = token -> 0;
    /** When true, the page is told that sign-in is off. */
    volatile boolean signInOff;

    void reset() {
        calls.clear();
        refusal = token -> 0;
        signInOff = false;
    }

    List<Call> reportCalls() {
        return calls.stream().filter(call -> call.path().startsWith("/api/reports")).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (signInOff && path.equals("/dashboard/config.json")) {
            write(response, 200, "application/json", "{\"issuer\":\"http://127.0.0.1:1/realms/none\","
                    + "\"clientId\":\"outreach-dashboard\",\"enabled\":false}");
            return;
        }
        if (!path.startsWith("/api/")) {
            chain.doFilter(request, response);
            return;
        }
        Call call = new Call(request.getMethod(), path + (request.getQueryString() == null ? "" : "?" + request.getQueryString()),
                request.getHeader("Authorization"));
        calls.add(call);
        int status = refusal.applyAsInt(call.token());
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            write(response, 401, "application/problem+json", "{\"status\":401,\"title\":\"Unauthorized\"}");
        } else if (status != 0) {
            write(response, status, "application/problem+json", "{\"status\":" + status + ",\"title\":\"Forbidden\"}");
        } else {
            chain.doFilter(request, response);
        }
    }

    private static void write(HttpServletResponse response, int status, String type, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
