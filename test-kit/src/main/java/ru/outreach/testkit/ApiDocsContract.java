package ru.outreach.testkit;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

/**
 * What a service's OpenAPI document must say to be true to the service: a title, version and description; a tag and
 * a summary on every operation; and for every JSON body, exactly the fields of the record the endpoint reads, with
 * exactly its {@code @NotNull}/{@code @NotBlank}/{@code @NotEmpty} ones required (two records of one simple name
 * must not share a schema).
 */
public final class ApiDocsContract {

    private static final Set<String> REQUIRING = Set.of("NotNull", "NotBlank", "NotEmpty");

    private ApiDocsContract() {
    }

    public static void check(JsonNode docs, RequestMappingHandlerMapping mapping) {
        SoftAssertions.assertSoftly(softly -> check(softly, docs, mapping));
    }

    private static void check(SoftAssertions softly, JsonNode docs, RequestMappingHandlerMapping mapping) {
        JsonNode info = docs.path("info");
        softly.assertThat(info.path("title").asString()).as("info.title").isNotBlank()
                .doesNotContain("OpenAPI definition");
        softly.assertThat(info.path("version").asString()).as("info.version").isNotBlank().isNotEqualTo("v0");
        softly.assertThat(info.path("description").asString()).as("info.description").isNotBlank();

        List<String> operations = new ArrayList<>();
        docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String name = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            operations.add(name);
            softly.assertThat(operation.getValue().path("tags").isEmpty()).as("%s has a tag", name).isFalse();
            softly.assertThat(operation.getValue().path("summary").asString()).as("%s has a summary", name)
                    .isNotBlank();
        }));
        softly.assertThat(operations).as("operations").isNotEmpty();

        mapping.getHandlerMethods().forEach((mappingInfo, handler) -> checkBody(softly, docs, mappingInfo, handler));
    }

    private static void checkBody(SoftAssertions softly, JsonNode docs, RequestMappingInfo mappingInfo,
                                  HandlerMethod handler) {
        MethodParameter body = Arrays.stream(handler.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestBody.class))
                .findFirst().orElse(null);
        if (body == null || !body.getParameterType().isRecord()
                || !handler.getBeanType().getPackageName().startsWith("ru.outreach")) {
            return;
        }
        for (String path : mappingInfo.getPatternValues()) {
            for (RequestMethod method : mappingInfo.getMethodsCondition().getMethods()) {
                String name = method + " " + path;
                JsonNode content = docs.path("paths").path(path).path(method.name().toLowerCase(Locale.ROOT))
                        .path("requestBody").path("content");
                softly.assertThat(content.isMissingNode()).as("%s is documented with a body", name).isFalse();
                if (content.isMissingNode()) {
                    continue;
                }
                String ref = content.values().iterator().next().path("schema").path("$ref").asString();
                JsonNode schema = docs.path("components").path("schemas")
                        .path(ref.substring(ref.lastIndexOf('/') + 1));
                Class<?> type = body.getParameterType();
                Set<String> fields = new TreeSet<>();
                Set<String> required = new TreeSet<>();
                for (RecordComponent component : type.getRecordComponents()) {
                    fields.add(component.getName());
                    if (Stream.of(component.getAccessor().getAnnotations(),
                                    component.getAnnotatedType().getAnnotations())
                            .flatMap(Arrays::stream)
                            .anyMatch(a -> REQUIRING.contains(a.annotationType().getSimpleName()))) {
                        required.add(component.getName());
                    }
                }
                softly.assertThat(new TreeSet<>(schema.path("properties").propertyNames()))
                        .as("%s: fields of schema %s against %s", name, ref, type.getName()).isEqualTo(fields);
                Set<String> documentedRequired = new TreeSet<>();
                schema.path("required").values().forEach(field -> documentedRequired.add(field.asString()));
                softly.assertThat(documentedRequired).as("%s: required fields of schema %s against %s", name, ref,
                        type.getName()).isEqualTo(required);
            }
        }
    }
}
