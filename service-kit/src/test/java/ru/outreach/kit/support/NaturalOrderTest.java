package ru.outreach.kit.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void numbersInNamesAreOrderedByValue() {
        List<String> names = List.of("Информационная группа № 10", "Информационная группа № 2",
                "Информационная группа № 1", "Группа Север", "Информационная группа № 02b");

        assertThat(names.stream().sorted(NaturalOrder.NAMES).toList()).containsExactly("Группа Север",
                "Информационная группа № 1", "Информационная группа № 2", "Информационная группа № 02b",
                "Информационная группа № 10");
    }
}
