package ru.outreach.meetings;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

import ru.outreach.kit.support.DomainException;

/** The text a refusal is answered with, from the service's real message bundles, for unit tests of aggregates. */
public final class Messages {

    private static final ResourceBundleMessageSource SOURCE = new ResourceBundleMessageSource();

    static {
        SOURCE.setBasenames("messages", "kit-messages");
        SOURCE.setDefaultEncoding(StandardCharsets.UTF_8.name());
        SOURCE.setFallbackToSystemLocale(false);
    }

    /** In Russian, the service's default language. */
    public static String russian(DomainException refusal) {
        return text(refusal, Locale.of("ru"));
    }

    public static String english(DomainException refusal) {
        return text(refusal, Locale.ENGLISH);
    }

    private static String text(DomainException refusal, Locale locale) {
        return SOURCE.getMessage(refusal.code(), refusal.args(), locale);
    }

    private Messages() {
    }
}
