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

    record Request(String method, String uri, String authorization, String body) {
    }

    record Answer(int status, String contentType, String body) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Map<String, Answer> answers = new ConcurrentHashMap<>();
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
                        exchange.getRequestHeaders().getFirst("Authorization"), body));
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

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void reset() {
        requests.clear();
        answers.clear();
        down = false;
    }

    void stop() {
        server.stop(0);
    }
}
