package ru.outreach.kit.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Local dates and times are stored as ISO strings, not as instants: a meeting at 18:00 in the city stays at 18:00
 * whatever the time zone of the server, and the fixed-width strings still sort and compare in range queries.
 */
@Configuration(proxyBeanMethods = false)
public class MongoConversions {

    static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return localDatesAsStrings();
    }

    /** The conversions, for code that builds its own converter (e.g. a test without Spring). */
    public static MongoCustomConversions localDatesAsStrings() {
        return new MongoCustomConversions(List.of(
                new LocalDateWriter(), new LocalDateReader(), new LocalDateTimeWriter(), new LocalDateTimeReader()));
    }

    @WritingConverter
    static class LocalDateWriter implements Converter<LocalDate, String> {
        public String convert(LocalDate source) { return source.toString(); }
    }

    @ReadingConverter
    static class LocalDateReader implements Converter<String, LocalDate> {
        public LocalDate convert(String source) { return LocalDate.parse(source); }
    }

    @WritingConverter
    static class LocalDateTimeWriter implements Converter<LocalDateTime, String> {
        public String convert(LocalDateTime source) { return LOCAL_DATE_TIME.format(source); }
    }

    @ReadingConverter
    static class LocalDateTimeReader implements Converter<String, LocalDateTime> {
        public LocalDateTime convert(String source) { return LocalDateTime.parse(source, LOCAL_DATE_TIME); }
    }
}
