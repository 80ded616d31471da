package ru.outreach.staffweb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A service's API on 127.0.0.1 answering canned JSON per "METHOD path" and recording each request with its
 * Authorization header and body (the path decoded); {@link #down} makes it drop every connection without an answer.
 */
final class FakeApi {

    record Request(String method, String uri, String authorization, String body, String accept,
                   String idempotencyKey) {
    }

    /** A file answered as it is, with its {@code Content-Disposition} (none when null). */
    record File(String contentType, String disposition, byte[] bytes) {
    }

    record Answer(int status, String contentType, String body) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final Map<String, File> files = new ConcurrentHashMap<>();
    volatile boolean down;
    private final HttpServer server;

    FakeApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                if (down) {
                    return;
                }
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath() + (exchange.getRequestURI().getRawQuery() == null
                        ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                        exchange.getRequestHeaders().getFirst("Authorization"), body,
                        exchange.getRequestHeaders().getFirst("Accept"),
                        exchange.getRequestHeaders().getFirst("Idempotency-Key")));
                File file = files.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                if (file != null) {
                    exchange.getResponseHeaders().set("Content-Type", file.contentType());
                    if (file.disposition() != null) {
                        exchange.getResponseHeaders().set("Content-Disposition", file.disposition());
                    }
                    exchange.sendResponseHeaders(200, file.bytes().length);
                    exchange.getResponseBody().write(file.bytes());
                    return;
                }
                Answer answer = answers.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                if (answer == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", answer.contentType());
                exchange.sendResponseHeaders(answer.status(), bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
    }

    void answer(String methodAndPath, int status, String json) {
        answers.put(methodAndPath, new Answer(status, status >= 400 ? "application/problem+json" : "application/json",
                json));
    }

    void answerFile(String methodAndPath, String contentType, String disposition, byte[] bytes) {
        files.put(methodAndPath, new File(contentType, disposition, bytes));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void reset() {
        requests.clear();
        answers.clear();
        files.clear();
        down = false;
    }

    void stop() {
        server.stop(0);
    }
}
