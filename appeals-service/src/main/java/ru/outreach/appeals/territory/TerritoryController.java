package ru.outreach.appeals.territory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import ru.outreach.appeals.appeal.AppealService;
import ru.outreach.appeals.category.Categories;
import ru.outreach.appeals.instruction.Instruction;
import ru.outreach.appeals.instruction.InstructionService;

@RestController
@Tag(name = "Territories", description = "Сведения о проблемах территории для выездной встречи")
class TerritoryController {

    private final AppealService appeals;
    private final InstructionService instructions;
    private final Categories categories;
    private final Clock clock;

    TerritoryController(AppealService appeals, InstructionService instructions, Categories categories, Clock clock) {
        this.appeals = appeals;
        this.instructions = instructions;
        this.categories = categories;
        this.clock = clock;
    }

    @GetMapping("/api/territories/{territory}/open-problems")
    @Operation(summary = "A territory's open problems before a meeting: open appeals by category, open and overdue "
            + "instructions, the most overdue ones. No personal data.")
    OpenProblems openProblems(@PathVariable String territory,
                              @RequestParam(defaultValue = "5") @Min(0) @Max(50) int overdueItems) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Long> byCategory = appeals.openByCategory(territory);
        List<CategoryCount> appealsByCategory = byCategory.entrySet().stream()
                .map(entry -> new CategoryCount(entry.getKey(), categories.name(entry.getKey()), entry.getValue()))
                .toList();
        List<OverdueInstruction> mostOverdue = instructions.overdue(territory, overdueItems).stream()
                .map(instruction -> OverdueInstruction.of(instruction, today)).toList();
        return new OpenProblems(territory, today,
                byCategory.values().stream().mapToLong(Long::longValue).sum(), appealsByCategory,
                instructions.openCount(territory), instructions.overdueCount(territory), mostOverdue);
    }

    /**
     * @param openAppeals        appeals registered or assigned, not answered yet
     * @param openInstructions   instructions not closed by the controller
     * @param overdueInstructions instructions past their due date with no report in
     */
    record OpenProblems(String territory, LocalDate asOf, long openAppeals, List<CategoryCount> openAppealsByCategory,
                        long openInstructions, long overdueInstructions, List<OverdueInstruction> mostOverdue) {
    }

    record CategoryCount(String category, String name, long count) {
    }

    record OverdueInstruction(String id, String text, String executorDepartment, LocalDate dueOn, long daysOverdue,
                              String source, String sourceId) {

        static OverdueInstruction of(Instruction instruction, LocalDate today) {
            return new OverdueInstruction(instruction.id(), instruction.text(), instruction.executorDepartment(),
                    instruction.dueOn(), instruction.daysOverdue(today), instruction.source().name(),
                    instruction.sourceId());
        }
    }
}
