package ru.outreach.appeals.category;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import ru.outreach.kit.support.RuleViolationException;

/** Looks categories up by code; codes are compared without regard to case. */
@Component
public class Categories {

    private final Map<String, Category> byCode = new LinkedHashMap<>();

    Categories(CategoryProperties properties) {
        properties.items().forEach(category -> byCode.put(normal(category.code()), category));
    }

    public static Categories of(List<Category> items) {
        return new Categories(new CategoryProperties(items));
    }

    public List<Category> all() {
        return List.copyOf(byCode.values());
    }

    /** The code of a category from another service: an unknown or missing one becomes {@code OTHER}. */
    public String codeOrOther(String code) {
        Category category = code == null ? null : byCode.get(normal(code));
        return category == null ? Category.OTHER : category.code();
    }

    /** The code of a category given by a user: an unknown one is refused, naming the field. */
    public String require(String code, String field) {
        Category category = code == null ? null : byCode.get(normal(code));
        if (category == null) {
            throw new RuleViolationException(field, "error.category-unknown", code);
        }
        return category.code();
    }

    public String name(String code) {
        Category category = byCode.get(normal(code));
        return category == null ? code : category.name();
    }

    private static String normal(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }
}
