package ru.outreach.meetings.brief;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import jakarta.annotation.PreDestroy;
import ru.outreach.meetings.brief.TerritoryBrief.Freshness;
import tools.jackson.databind.JsonNode;

/** Asks the appeals service for a territory's open problems, within a time limit and behind a circuit breaker. */
@Service
class TerritoryBriefService {

    private static final Logger log = LoggerFactory.getLogger(TerritoryBriefService.class);
    static final String APPEALS = "appeals";

    private final RestClient appeals;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;
    private final MessageSource messages;
    private final Clock clock;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    /** The last answer per territory, for the stale fallback. */
    private final Map<String, TerritoryBrief> lastGood = new ConcurrentHashMap<>();

    TerritoryBriefService(@Qualifier(AppealsClientConfiguration.REGISTRATION) RestClient appeals,
                          CircuitBreakerRegistry circuitBreakers, TimeLimiterRegistry timeLimiters,
                          MessageSource messages, Clock clock) {
        this.appeals = appeals;
        this.circuitBreaker = circuitBreakers.circuitBreaker(APPEALS);
        this.timeLimiter = timeLimiters.timeLimiter(APPEALS);
        this.messages = messages;
        this.clock = clock;
    }

    TerritoryBrief brief(String territory) {
        try {
            JsonNode problems = circuitBreaker.executeCallable(() -> timeLimiter.executeFutureSupplier(
                    () -> CompletableFuture.supplyAsync(() -> fetch(territory), calls)));
            TerritoryBrief brief = new TerritoryBrief(territory, Freshness.CURRENT, clock.instant(),
                    text("brief.current"), problems);
            lastGood.put(territory, brief);
            return brief;
        } catch (Exception e) {
            log.warn("Territory brief of {} from the appeals service failed: {}", territory, e.toString());
            return fallback(territory);
        }
    }

    private JsonNode fetch(String territory) {
        return appeals.get().uri("/api/territories/{territory}/open-problems", territory)
                .retrieve().body(JsonNode.class);
    }

    private TerritoryBrief fallback(String territory) {
        TerritoryBrief last = lastGood.get(territory);
        if (last == null) {
            return new TerritoryBrief(territory, Freshness.UNAVAILABLE, null, text("brief.unavailable"), null);
        }
        return new TerritoryBrief(territory, Freshness.STALE, last.asOf(), text("brief.stale"), last.openProblems());
    }

    private String text(String code) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, null, code, locale);
    }

    @PreDestroy
    void stop() {
        calls.shutdownNow();
    }
}
