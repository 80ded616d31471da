package ru.outreach.reporting.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ru.outreach.reporting.report.RebuildProgress;

@RestController
@RequestMapping("/api/admin/rebuild")
@Tag(name = "admin", description = "Rebuild of the read models from the topics")
class RebuildController {

    private final RebuildService rebuild;

    RebuildController(RebuildService rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Drops the read models and replays the three topics from the beginning; 409 while one runs")
    RebuildProgress start() {
        return rebuild.start();
    }

    @GetMapping
    @Operation(summary = "Where the running or last rebuild stands: events applied and total per topic")
    RebuildProgress progress() {
        return rebuild.progress();
    }
}
