package ru.outreach.appeals.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import ru.outreach.appeals.appeal.AppealService;
import ru.outreach.appeals.audit.ErasureAct;
import ru.outreach.appeals.audit.ErasureAct.ErasedAppeal;
import ru.outreach.appeals.audit.ErasureActs;

/**
 * Erases the personal data of the appeals past the retention period and records what it erased in an erasure act.
 * Idempotent: an erased appeal is never erased again, and a run that finds nothing records no act. Safe on several
 * replicas: each appeal is erased by one conditional update, and an act lists only what its own run erased.
 */
@Service
class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final AppealService appeals;
    private final ErasureActs acts;
    private final RetentionProperties properties;
    private final Clock clock;

    Retention(AppealService appeals, ErasureActs acts, RetentionProperties properties, Clock clock) {
        this.appeals = appeals;
        this.acts = acts;
        this.properties = properties;
        this.clock = clock;
    }

    /** One run. {@code triggeredBy}: {@code schedule} or the administrator's username. */
    Outcome run(String triggeredBy) {
        LocalDate cutoff = LocalDate.now(clock).minus(properties.period());
        List<AppealService.Erased> erased = appeals.erasePersonalDataBefore(cutoff);
        if (erased.isEmpty()) {
            return new Outcome(cutoff, 0, null);
        }
        ErasureAct act = acts.record("152-ФЗ ст. 5 ч. 7: персональные данные обращения уничтожаются по истечении "
                        + properties.period() + " после ответа (без ответа: после последнего действия)",
                properties.period().toString(), cutoff, triggeredBy,
                erased.stream().map(appeal -> new ErasedAppeal(appeal.appealId(), appeal.fields())).toList());
        log.info("Retention: personal data of {} appeals erased (act {}, cutoff {})", erased.size(), act.id(), cutoff);
        return new Outcome(cutoff, erased.size(), act.id());
    }

    /**
     * @param cutoff  appeals whose period ran from this day or earlier were erased
     * @param erased  how many appeals this run erased
     * @param actId   the erasure act, or null when nothing was erased
     */
    record Outcome(LocalDate cutoff, int erased, String actId) {
    }
}
