package ru.outreach.appeals.retention;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ru.outreach.kit.security.Actor;

@RestController
@Tag(name = "Administration", description = "Обслуживание системы")
class RetentionController {

    private final Retention retention;

    RetentionController(Retention retention) {
        this.retention = retention;
    }

    @PostMapping("/api/admin/retention/run")
    @Operation(summary = "Run the retention now: erase the citizens' details and texts of the appeals past the"
            + " retention period (outreach.appeals.retention.period after the answer or the last step), record an"
            + " erasure act; running it again erases nothing more")
    Retention.Outcome run(Actor actor) {
        return retention.run(actor.username());
    }
}
