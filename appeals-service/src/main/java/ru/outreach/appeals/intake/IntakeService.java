package ru.outreach.appeals.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import ru.outreach.appeals.appeal.Appeal.Receipt;
import ru.outreach.events.appeals.AppealChannel;
import ru.outreach.appeals.appeal.AppealRecords.Citizen;
import ru.outreach.appeals.appeal.AppealService;
import ru.outreach.appeals.category.Categories;
import ru.outreach.appeals.instruction.Instruction.Order;
import ru.outreach.events.appeals.InstructionSource;
import ru.outreach.appeals.instruction.InstructionService;
import ru.outreach.appeals.staff.By;
import ru.outreach.kit.kafka.UnreadableRecordException;
import ru.outreach.events.meetings.MeetingIntakeEvent;
import ru.outreach.events.meetings.MeetingIntakeEvent.MeetingIntakeReleased;

/**
 * Turns a meeting's intake into appeals and instructions. Ids are derived from the meeting and the item
 * ({@code meetingId:RC1}), so a redelivered or replayed intake finds them there and creates nothing twice; two
 * consumers racing on the same item are stopped by the unique id. Every date comes from the minutes (the meeting
 * day), never from when the intake is read: appeals are received on the meeting day and wait in the registration
 * queue, instructions are issued on the meeting day.
 */
@Service
class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

    private final AppealService appeals;
    private final InstructionService instructions;
    private final Categories categories;
    private final IntakeProperties properties;
    private final Counter created;
    private final Counter duplicates;

    IntakeService(AppealService appeals, InstructionService instructions, Categories categories,
                  IntakeProperties properties, MeterRegistry registry) {
        this.appeals = appeals;
        this.instructions = instructions;
        this.categories = categories;
        this.properties = properties;
        this.created = Counter.builder("outreach.intake.items").tag("outcome", "created")
                .description("Intake items (appeals and instructions) read from the minutes").register(registry);
        this.duplicates = Counter.builder("outreach.intake.items").tag("outcome", "duplicate")
                .description("Intake items (appeals and instructions) read from the minutes").register(registry);
    }

    void accept(MeetingIntakeReleased intake) {
        LocalDate heldOn = intake.heldOn();
        if (heldOn == null) {
            throw new UnreadableRecordException("Intake of meeting " + intake.meetingId() + " has no meeting day",
                    null);
        }
        for (MeetingIntakeEvent.ReceptionCard card : list(intake.receptionCards())) {
            String id = itemId(intake, card.itemId());
            once(() -> appeals.exists(id), () -> appeals.receive(id, receipt(intake,
                    AppealChannel.PERSONAL_RECEPTION, card.citizen(), card.question(), card.category(), card.itemId())));
        }
        for (MeetingIntakeEvent.WrittenAppeal appeal : list(intake.writtenAppeals())) {
            String id = itemId(intake, appeal.itemId());
            once(() -> appeals.exists(id), () -> appeals.receive(id, receipt(intake, AppealChannel.MEETING,
                    appeal.citizen(), appeal.summary(), appeal.category(), appeal.itemId())));
        }
        for (MeetingIntakeEvent.InstructionOrder order : list(intake.instructions())) {
            String id = itemId(intake, order.itemId());
            LocalDate dueOn = order.dueOn() == null || order.dueOn().isBefore(heldOn) ? heldOn : order.dueOn();
            once(() -> instructions.exists(id), () -> instructions.issue(id, new Order(order.text(),
                    order.executorDepartment(), List.of(), By.named(properties.controller()),
                    InstructionSource.MEETING, intake.meetingId(), intake.territory(), heldOn, null, dueOn)));
        }
    }

    /**
     * A reception card or written appeal was received on the day of the meeting; it waits in the general department's
     * registration queue (regulation 3.8.4–3.8.5). An unknown category is filed under OTHER.
     */
    private Receipt receipt(MeetingIntakeReleased intake, AppealChannel channel, MeetingIntakeEvent.Citizen citizen,
                            String text, String category, String itemId) {
        Citizen person = citizen == null ? new Citizen(null, null, null, null)
                : new Citizen(citizen.fullName(), citizen.postalAddress(), citizen.phone(), citizen.email());
        return new Receipt(channel, intake.heldOn(), person, text, categories.codeOrOther(category),
                intake.territory(), intake.meetingId(), itemId);
    }

    private void once(BooleanSupplier exists, Runnable create) {
        if (exists.getAsBoolean()) {
            duplicates.increment();
            return;
        }
        try {
            create.run();
            created.increment();
        } catch (DuplicateKeyException e) {
            duplicates.increment();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            duplicates.increment();
            log.debug("Intake item already stored: {}", e.getMessage());
        }
    }

    private static String itemId(MeetingIntakeReleased intake, String itemId) {
        return intake.meetingId() + ":" + itemId;
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }
}
