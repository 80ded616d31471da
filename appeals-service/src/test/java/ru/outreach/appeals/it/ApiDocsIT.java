package ru.outreach.appeals.it;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import ru.outreach.testkit.ApiDocsContract;
import ru.outreach.testkit.JsonApi;

/** The OpenAPI document says what the service enforces (see {@link ApiDocsContract}). */
class ApiDocsIT extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theApiDocumentIsTrueToTheService() {
        JsonApi.Response docs = new JsonApi(http).get("/v3/api-docs");

        ApiDocsContract.check(docs.body(), mapping);
    }
}
