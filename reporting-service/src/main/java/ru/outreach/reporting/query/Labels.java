package ru.outreach.reporting.query;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import ru.outreach.events.appeals.AppealChannel;
import ru.outreach.events.appeals.AppealState;
import ru.outreach.events.appeals.InstructionState;
import ru.outreach.events.meetings.MeetingStatus;
import ru.outreach.events.meetings.QuarterlyRule.Verdict;
import ru.outreach.reporting.report.Period;

/**
 * Labels of the codes the reports show. Meeting statuses, the quarterly rule's verdicts, the channels and the states of
 * appeals and instructions come from the enums of the contract, named in {@code messages.properties} (Russian;
 * {@code messages_en} in English); the category names come from the classifier through the events ({@code CategoryNames}); months and figures are the
 * reports' own. An unknown code is shown as it is.
 */
public final class Labels {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final MessageSource MESSAGES = messages();

    public static final List<String> MONTHS = Period.MONTHS;

    /** The figures of {@code AppealsReport.totals}. */
    public static final Map<String, String> APPEAL_FIGURES = ordered(
            "appeals", "Поступило обращений",
            "answered", "Отвечено",
            "answeredWithinTerm", "Отвечено в срок",
            "answeredWithinTermShare", "Доля отвеченных в срок",
            "averageDaysToAnswer", "Средний срок ответа, дней",
            "extensions", "Продлений срока",
            "redirects", "Перенаправлено по компетенции",
            "repeated", "Повторных",
            "openAtEnd", "Не разрешено на конец года");

    /** Status of a meeting → its label, every status in the enum's order. */
    public static Map<String, String> statuses(MessageSource messages, Locale locale) {
        return named(messages, locale, "meeting.status.", MeetingStatus.values(), MeetingStatus::name);
    }

    /** Verdict of the quarterly rule → its label, every verdict in the enum's order. */
    public static Map<String, String> verdicts(MessageSource messages, Locale locale) {
        return named(messages, locale, "quarter.verdict.", Verdict.values(), Verdict::name);
    }

    /** Channel → its label, every channel in the enum's order. */
    public static Map<String, String> channels(MessageSource messages, Locale locale) {
        return named(messages, locale, "appeal.channel.", AppealChannel.values(), AppealChannel::name);
    }

    /** State of an appeal → its label, every state in the enum's order. */
    public static Map<String, String> appealStates(MessageSource messages, Locale locale) {
        return named(messages, locale, "appeal.state.", AppealState.values(), AppealState::name);
    }

    /** State of an instruction → its label, every state in the enum's order. */
    public static Map<String, String> instructionStates(MessageSource messages, Locale locale) {
        return named(messages, locale, "instruction.state.", InstructionState.values(), InstructionState::name);
    }

    /** The verdict's Russian label, as the exports print it. */
    public static String verdict(Verdict verdict) {
        return verdict == null ? "" : MESSAGES.getMessage("quarter.verdict." + verdict.name(), null, verdict.name(),
                RUSSIAN);
    }

    /** The Russian label of a channel code; the code itself when unknown. */
    public static String channel(String code) {
        return code == null || code.isEmpty() ? "" : MESSAGES.getMessage("appeal.channel." + code, null, code,
                RUSSIAN);
    }

    public static String month(int month) {
        return MONTHS.get(month - 1);
    }

    /** The service's messages when no Spring context is at hand (exports, plain tests). */
    static MessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static <E> Map<String, String> named(MessageSource messages, Locale locale, String prefix, E[] values,
                                                 Function<E, String> code) {
        Map<String, String> labels = new LinkedHashMap<>();
        Arrays.stream(values).map(code).forEach(c -> labels.put(c, messages.getMessage(prefix + c, null, c, locale)));
        return java.util.Collections.unmodifiableMap(labels);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private Labels() {
    }
}
