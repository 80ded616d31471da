package ru.outreach.appeals.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ru.outreach.kit.support.PageResponse;
import ru.outreach.kit.support.RuleViolationException;

/** The personal-data officer's view of the audit: read only; no operation changes or deletes a record. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Personal-data audit", description = "Журнал доступа к персональным данным и акты уничтожения")
class AuditController {

    private final PersonalDataReads reads;
    private final ErasureActs acts;
    private final CitizenKeys citizenKeys;

    AuditController(PersonalDataReads reads, ErasureActs acts, CitizenKeys citizenKeys) {
        this.reads = reads;
        this.acts = acts;
        this.citizenKeys = citizenKeys;
    }

    @GetMapping("/personal-data-reads")
    @Operation(summary = "Who read which citizen's details, when, which fields, through which operation; the latest"
            + " first. Filters: reader (username or full name), appealId, citizen (full name) with address (postal"
            + " address, e-mail or phone as the appeal gave it: the log keeps only their digest), period by day")
    PageResponse<ReadEntry> reads(@RequestParam(required = false) String reader,
                                  @RequestParam(required = false) String appealId,
                                  @RequestParam(required = false) String citizen,
                                  @RequestParam(required = false) String address,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                  LocalDate to,
                                  @PageableDefault(size = 20, sort = "readAt", direction = Sort.Direction.DESC)
                                  Pageable pageable) {
        List<String> keys = null;
        if (citizen != null && !citizen.isBlank()) {
            if (address == null || address.isBlank()) {
                throw new RuleViolationException("address", "error.audit-citizen-needs-address");
            }
            keys = citizenKeys.of(citizen, address);
        }
        return PageResponse.of(reads.search(reader, appealId, keys, from, to, pageable), ReadEntry::of);
    }

    @GetMapping("/erasure-acts")
    @Operation(summary = "The retention job's erasure acts: when, under which rule, which appeals and fields; the"
            + " latest first; appealId finds the act that erased an appeal")
    PageResponse<ErasureAct> erasureActs(@RequestParam(required = false) String appealId,
                                         @RequestParam(required = false)
                                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(required = false)
                                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         @PageableDefault(size = 20, sort = "erasedAt",
                                                 direction = Sort.Direction.DESC) Pageable pageable) {
        return PageResponse.of(acts.list(appealId, from, to, pageable), act -> act);
    }

    /** A read of a citizen's details, without the citizen's digest. */
    record ReadEntry(String id, Instant readAt, String readerUsername, String readerFullName, String appealId,
                     List<String> fields, String operation) {

        static ReadEntry of(PersonalDataRead read) {
            return new ReadEntry(read.id(), read.readAt(), read.readerUsername(), read.readerFullName(),
                    read.appealId(), read.fields(), read.operation());
        }
    }
}
