package ru.outreach.kit.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class IdempotencyKeyTest {

    @Test
    void aKeyIsOneToTwoHundredFiftyFiveVisibleAsciiCharacters() {
        assertThat(IdempotencyKey.valid("8e03978e-40d5-43e8-bc93-6894a57f9324")).isTrue();
        assertThat(IdempotencyKey.valid("x")).isTrue();
        assertThat(IdempotencyKey.valid("!~")).isTrue();
        assertThat(IdempotencyKey.valid("k".repeat(255))).isTrue();

        assertThat(IdempotencyKey.valid(null)).isFalse();
        assertThat(IdempotencyKey.valid("")).isFalse();
        assertThat(IdempotencyKey.valid("k".repeat(256))).isFalse();
        assertThat(IdempotencyKey.valid("two words")).isFalse();
        assertThat(IdempotencyKey.valid("ключ")).isFalse();
        assertThat(IdempotencyKey.valid("tab\there")).isFalse();
        assertThat(IdempotencyKey.valid("del\u007F")).isFalse();
        assertThatThrownBy(() -> new IdempotencyKey(" ", "caller", "f")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDraftsQuotedFormIsTheSameKey() {
        assertThat(IdempotencyKeyResolver.unquoted("\"8e03978e\"")).isEqualTo("8e03978e");
        assertThat(IdempotencyKeyResolver.unquoted("8e03978e")).isEqualTo("8e03978e");
        assertThat(IdempotencyKeyResolver.unquoted("\"a\\\"b\"")).isNull();
        assertThat(IdempotencyKeyResolver.unquoted("\"\"")).isEmpty();
    }

    @Test
    void theAggregateIdDependsOnCollectionCallerAndKeyAndNothingElse() {
        IdempotencyKey key = new IdempotencyKey("k", "alice", "f1");

        String id = key.aggregateId("groups");

        assertThat(id).isEqualTo(new IdempotencyKey("k", "alice", "f2").aggregateId("groups"));
        assertThat(UUID.fromString(id).version()).isEqualTo(8);
        assertThat(UUID.fromString(id).variant()).isEqualTo(2);
        assertThat(List.of(new IdempotencyKey("k", "bob", "f1").aggregateId("groups"),
                new IdempotencyKey("k2", "alice", "f1").aggregateId("groups"), key.aggregateId("meetings")))
                .doesNotContain(id).doesNotHaveDuplicates();
    }

    @Test
    void theCanonicalBodyIgnoresTheOrderOfFieldsAndNotTheirValues() {
        RequestFingerprint fingerprint = new RequestFingerprint(JsonMapper.builder().build());

        String one = fingerprint.canonical(Map.of("b", 1, "a", Map.of("d", List.of(2, 1), "c", "x")));
        String other = fingerprint.canonical(Map.of("a", Map.of("c", "x", "d", List.of(2, 1)), "b", 1));

        assertThat(one).isEqualTo(other).isEqualTo("{\"a\":{\"c\":\"x\",\"d\":[2,1]},\"b\":1}");
        assertThat(fingerprint.canonical(Map.of("a", Map.of("c", "x", "d", List.of(1, 2)), "b", 1)))
                .isNotEqualTo(one);
        assertThat(fingerprint.canonical(new Plan("Западный", 3))).isEqualTo("{\"seats\":3,\"territory\":\"Западный\"}");
    }

    private record Plan(String territory, int seats) {
    }
}
