package ru.outreach.kit.web;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/**
 * The web edge every service shares, as a Boot library: each bean backs off when a service declares its own. It runs
 * before Boot's MVC and error configuration so that its exception handler and error controller take their place.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiDocsProperties.class)
public class KitWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Problems outreachProblems(MessageSource messages) {
        return new Problems(messages);
    }

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ApiExceptionHandler outreachExceptionHandler(MessageSource messages) {
        return new ApiExceptionHandler(messages);
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController outreachErrorController(Problems problems) {
        return new ProblemErrorController(problems);
    }

    @Bean
    @ConditionalOnMissingBean(name = "outreachStrictJson")
    StrictJson outreachStrictJson() {
        return new StrictJson();
    }

    /** The media type guard on every handler, and the range check on date query parameters. */
    @Bean
    WebMvcConfigurer outreachWebEdge() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new MediaTypeGuard()).order(Ordered.HIGHEST_PRECEDENCE);
            }

            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverter(String.class, LocalDate.class, new BoundedDates.ToDate());
                registry.addConverter(String.class, LocalDateTime.class, new BoundedDates.ToDateTime());
            }
        };
    }

    /** Tomcat's own refusals (before Spring) answer problem details: the host's error report valve is replaced. */
    @Bean
    @ConditionalOnClass(StandardHost.class)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> outreachTomcatErrorReport(Problems problems) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.addLifecycleListener(event -> {
                    if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                        replaceErrorReport(host, problems);
                    }
                });
                replaceErrorReport(host, problems);
            }
        });
    }

    private static void replaceErrorReport(Host host, Problems problems) {
        for (var valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                host.getPipeline().removeValve(valve);
            }
        }
        boolean present = false;
        for (var valve : host.getPipeline().getValves()) {
            present |= valve instanceof ProblemReportValve;
        }
        if (!present) {
            host.getPipeline().addValve(new ProblemReportValve(problems));
        }
    }

    /** The service's OpenAPI document: its title, version and description from {@code outreach.api.*}. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnClass(OpenAPI.class)
    OpenAPI outreachOpenApi(ApiDocsProperties api, org.springframework.core.env.Environment environment) {
        String name = environment.getProperty("spring.application.name", "outreach");
        return new OpenAPI().info(new Info()
                .title(StringUtils.hasText(api.title()) ? api.title() : name)
                .description(api.description())
                .version(StringUtils.hasText(api.version()) ? api.version() : "unversioned"));
    }
}
