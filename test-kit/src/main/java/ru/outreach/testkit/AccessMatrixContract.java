package ru.outreach.testkit;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The tests every service's access matrix runs (README "Who may do what"): a service's {@code AccessMatrixIT}
 * implements this with its matrix and one operation to probe tokens and headers with.
 */
public interface AccessMatrixContract {

    /** The service's OpenAPI document and, per operation, the duties allowed to call it. */
    AccessMatrix accessMatrix();

    /** A read operation ({@code GET /api/...}) to try refused tokens and the security headers on. */
    String probeOperation();

    @TestFactory
    default Stream<DynamicTest> everyOperationAgainstEveryDuty() {
        return accessMatrix().tests();
    }

    @TestFactory
    default Stream<DynamicTest> tokensThatAreRefused() {
        return accessMatrix().refusedTokens(probeOperation());
    }

    @Test
    default void apiAnswersCarryTheSecurityHeaders() {
        accessMatrix().checkSecurityHeaders(probeOperation().substring(probeOperation().indexOf(' ') + 1));
    }
}
