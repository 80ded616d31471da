package ru.outreach.appeals.category;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Categories", description = "Классификатор тематик обращений")
class CategoryController {

    private final Categories categories;

    CategoryController(Categories categories) {
        this.categories = categories;
    }

    @GetMapping("/api/categories")
    @Operation(summary = "The classifier of appeal categories: code and Russian name")
    List<Category> list() {
        return categories.all();
    }
}
