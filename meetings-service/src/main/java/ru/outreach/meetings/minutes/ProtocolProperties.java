package ru.outreach.meetings.minutes;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the printed protocol says beyond the minutes.
 *
 * @param administration the administration's name for the protocol's heading ("Администрация города
 *                       Новошахтинска"); no heading line when blank
 * @param categories     category code to the name printed on a reception card; without configuration the names of
 *                       the appeals service's default classifier. A code that is not named prints as it is.
 */
@ConfigurationProperties("outreach.protocol")
record ProtocolProperties(String administration, Map<String, String> categories) {

    /** The appeals service's default classifier ({@code outreach.categories} there); keep the two alike. */
    static final Map<String, String> CITY_DEFAULT = new LinkedHashMap<>();

    static {
        CITY_DEFAULT.put("HOUSING", "Жилищно-коммунальное хозяйство");
        CITY_DEFAULT.put("ROADS", "Дороги и тротуары");
        CITY_DEFAULT.put("IMPROVEMENT", "Благоустройство и озеленение");
        CITY_DEFAULT.put("TRANSPORT", "Общественный транспорт");
        CITY_DEFAULT.put("SOCIAL_SUPPORT", "Социальная поддержка");
        CITY_DEFAULT.put("HEALTH", "Здравоохранение");
        CITY_DEFAULT.put("EDUCATION", "Образование");
        CITY_DEFAULT.put("PUBLIC_ORDER", "Общественный порядок и безопасность");
        CITY_DEFAULT.put("ECOLOGY", "Экология");
        CITY_DEFAULT.put("TRADE", "Торговля и услуги");
        CITY_DEFAULT.put("CULTURE_SPORT", "Культура и спорт");
        CITY_DEFAULT.put("OTHER", "Другое");
    }

    ProtocolProperties {
        administration = administration == null || administration.isBlank() ? null : administration.strip();
        categories = categories == null || categories.isEmpty() ? Map.copyOf(CITY_DEFAULT) : Map.copyOf(categories);
    }

    /** The name a card prints for {@code code}: the configured one, or the code itself; empty when none. */
    String category(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return categories.getOrDefault(code, code);
    }
}
