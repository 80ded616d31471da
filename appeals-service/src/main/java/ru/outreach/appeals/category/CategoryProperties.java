package ru.outreach.appeals.category;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The classifier of appeal categories. Without configuration a city's default applies; {@code OTHER} is always
 * there, because an unknown category from the minutes is filed under it rather than lost.
 */
@ConfigurationProperties("outreach.categories")
record CategoryProperties(List<Category> items) {

    static final List<Category> CITY_DEFAULT = List.of(
            new Category("HOUSING", "Жилищно-коммунальное хозяйство"),
            new Category("ROADS", "Дороги и тротуары"),
            new Category("IMPROVEMENT", "Благоустройство и озеленение"),
            new Category("TRANSPORT", "Общественный транспорт"),
            new Category("SOCIAL_SUPPORT", "Социальная поддержка"),
            new Category("HEALTH", "Здравоохранение"),
            new Category("EDUCATION", "Образование"),
            new Category("PUBLIC_ORDER", "Общественный порядок и безопасность"),
            new Category("ECOLOGY", "Экология"),
            new Category("TRADE", "Торговля и услуги"),
            new Category("CULTURE_SPORT", "Культура и спорт"),
            new Category(Category.OTHER, "Другое"));

    CategoryProperties {
        items = items == null || items.isEmpty() ? CITY_DEFAULT : List.copyOf(items);
        if (items.stream().noneMatch(category -> Category.OTHER.equals(category.code()))) {
            items = java.util.stream.Stream.concat(items.stream(), java.util.stream.Stream.of(
                    new Category(Category.OTHER, "Другое"))).toList();
        }
    }
}
