package ru.outreach.kit.idempotency;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/** Documents the {@code Idempotency-Key} header, and what a retry gets, on every operation that reads it. */
final class IdempotencyKeyDocs implements OperationCustomizer {

    static final String DESCRIPTION = "Optional. A key the client makes up for this one create (a UUID, say) and"
            + " sends again, unchanged, with every retry of it (IETF draft \"The Idempotency-Key HTTP Header"
            + " Field\"). The same key with the same request answers as the first time (201, the same id and"
            + " Location) and creates nothing; the body is the record's current state, which may have moved on"
            + " since. The same key with another body is refused (422). Keys are the caller's own: another person's"
            + " same key is another key. 1 to 255 visible ASCII characters, bare or as a quoted string; otherwise"
            + " 400. A key is kept as long as the record it created.";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (!RequestFingerprint.takesKey(handler.getMethod().getParameterTypes())) {
            return operation;
        }
        operation.addParametersItem(new HeaderParameter().name(IdempotencyKey.HEADER).required(false)
                .description(DESCRIPTION)
                .schema(new StringSchema().minLength(1).maxLength(IdempotencyKey.MAX_LENGTH)
                        .pattern("^[\\x21-\\x7E]+$")
                        .example("8e03978e-40d5-43e8-bc93-6894a57f9324")));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        ApiResponse created = responses.get("201");
        if (created != null) {
            created.addHeaderObject("Location", new Header().description("The created record's address; the same"
                    + " on a retry with the same Idempotency-Key").schema(new StringSchema()));
        }
        responses.computeIfAbsent("400", status -> new ApiResponse()
                .description("Bad input; among others, an Idempotency-Key that is not 1 to 255 visible ASCII"
                        + " characters (problem details naming Idempotency-Key)"));
        responses.computeIfAbsent("422", status -> new ApiResponse()
                .description("A rule is broken; among others, an Idempotency-Key already used with another request"
                        + " (problem details naming Idempotency-Key)"));
        return operation;
    }
}
