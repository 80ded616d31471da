package ru.outreach.kit.idempotency;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} header for the controller methods that take an {@link IdempotencyKey}: read, checked,
 * fingerprinted with the request, and documented in the OpenAPI document of each such operation.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class IdempotencyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RequestFingerprint outreachRequestFingerprint(JsonMapper json) {
        return new RequestFingerprint(json);
    }

    @Bean
    WebMvcConfigurer outreachIdempotencyKeyArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new IdempotencyKeyResolver());
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OperationCustomizer")
    static class ApiDocs {

        static {
            org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(IdempotencyKey.class);
        }

        @Bean
        @ConditionalOnMissingBean(name = "outreachIdempotencyKeyDocs")
        org.springdoc.core.customizers.OperationCustomizer outreachIdempotencyKeyDocs() {
            return new IdempotencyKeyDocs();
        }
    }
}
