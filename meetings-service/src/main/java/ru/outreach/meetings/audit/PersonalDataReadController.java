package ru.outreach.meetings.audit;

import java.time.LocalDate;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ru.outreach.kit.support.PageResponse;

@RestController
@Tag(name = "Personal data audit", description = "Журнал обращений к персональным данным граждан")
class PersonalDataReadController {

    private final PersonalDataReads reads;

    PersonalDataReadController(PersonalDataReads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/audit/personal-data-reads")
    @Operation(summary = "Who read which citizens' details of which minutes, when and how; newest first",
            description = "For the personal-data officer. reader: a sign-in name; from, to: days, inclusive.")
    PageResponse<PersonalDataRead> search(
            @RequestParam(required = false) String reader,
            @RequestParam(required = false) String meetingId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @PageableDefault(size = 20, sort = "at", direction = Sort.Direction.DESC) Pageable pageable) {
        return PageResponse.of(reads.search(reader, meetingId, from, to, pageable), read -> read);
    }
}
