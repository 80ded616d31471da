package ru.outreach.appeals.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.outreach.kit.support.RuleViolationException;

class CategoriesTest {

    private final Categories city = Categories.of(null);

    @Test
    void theCityDefaultHasTheUsualQuestionsAndOther() {
        assertThat(city.all()).extracting(Category::code).containsExactly("HOUSING", "ROADS", "IMPROVEMENT",
                "TRANSPORT", "SOCIAL_SUPPORT", "HEALTH", "EDUCATION", "PUBLIC_ORDER", "ECOLOGY", "TRADE",
                "CULTURE_SPORT", "OTHER");
        assertThat(city.name("IMPROVEMENT")).isEqualTo("Благоустройство и озеленение");
    }

    @Test
    void anUnknownCategoryFromTheMinutesIsFiledUnderOther() {
        assertThat(city.codeOrOther("roads")).isEqualTo("ROADS");
        assertThat(city.codeOrOther("Свет во дворе")).isEqualTo("OTHER");
        assertThat(city.codeOrOther(null)).isEqualTo("OTHER");
    }

    @Test
    void anUnknownCategoryFromAUserIsRefusedNamingTheField() {
        assertThatThrownBy(() -> city.require("WEATHER", "category"))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("category");
                    assertThat(e.code()).isEqualTo("error.category-unknown");
                });
    }

    @Test
    void aConfiguredClassifierAlwaysKeepsOther() {
        Categories configured = Categories.of(List.of(new Category("SNOW", "Уборка снега")));

        assertThat(configured.all()).extracting(Category::code).containsExactly("SNOW", "OTHER");
    }
}
