package ru.outreach.meetings.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import ru.outreach.testkit.CityClock;
import ru.outreach.testkit.TestTokens.Person;
import tools.jackson.databind.JsonNode;

/**
 * Issue 9: the signed minutes print as a municipal protocol (PDF) with a page per reception card. The citizens'
 * details print for the group's own secretary alone, each such print audited; the control department's copy has
 * the cards without them and leaves no audit record; a draft does not print.
 */
class ProtocolPrintIT extends IntegrationTest {

    private static final String PDF = "application/pdf";
    private static final Person CONTROLLER = Person.with("controller-protocol", "controller");
    private static final Person PD_OFFICER = Person.with("pd-officer-protocol", "pd-officer");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    @Test
    void theGroupsSecretaryPrintsTheSignedProtocolWithTheCitizensOfTheCardsAndThePrintIsAudited() {
        String group = "Группа (protocol, secretary)";
        String groupId = api.registerGroup(group, "Западный");
        LocalDate heldOn = CityClock.today().minusDays(2);
        String meetingId = api.holdMeeting(groupId, "Западный", heldOn.atTime(17, 0));
        String minutes = "/api/meetings/" + meetingId + "/minutes";
        Api secretary = api.secretaryOf(groupId);
        LocalDate due = CityClock.today().plusDays(20);
        secretary.ok(HttpMethod.PUT, minutes, Api.minutesWithTwoCardsAndAnInstruction(due));

        Api.Download draft = secretary.download(minutes + "/protocol.pdf", PDF);
        assertThat(draft.status()).isEqualTo(409);
        assertThat(draft.contentType()).startsWith("application/problem+json");
        assertThat(draft.problem().path("detail").asString())
                .isEqualTo("Нельзя распечатать протокол: протокол ещё не подписан.");

        secretary.ok(HttpMethod.POST, minutes + "/signature", Map.of());
        int auditedBefore = audit(meetingId).path("totalItems").asInt();
        Api.Download printed = secretary.download(minutes + "/protocol.pdf", PDF);

        assertThat(printed.status()).isEqualTo(200);
        assertThat(printed.contentType()).isEqualTo(PDF);
        assertThat(printed.disposition()).startsWith("inline; filename=\"protokol-" + heldOn + ".pdf\"")
                .contains("filename*=UTF-8''");
        List<String> pages = pages(printed.bytes());
        String all = String.join(" ", pages);
        assertThat(all).contains("ПРОТОКОЛ № 1", "выездной встречи информационной группы с населением",
                "«" + group + "»", DATE.format(heldOn), "Время проведения: 17:00",
                "Место проведения: МБОУ СОШ № 3, ул. Ленина, 10", "Территория: Западный",
                "Иванов Иван Иванович, заместитель Главы Администрации", "Смирнова Ольга Петровна, главный специалист",
                "Козлов Андрей, начальник УЖКХ", "депутат Петров, участковый Сергеев", "жители территории: 37 чел.",
                "ПОВЕСТКА ДНЯ", "Вопрос: Когда починят освещение?", "Ответ: До конца месяца",
                "Мусор вывозят нерегулярно", "Установить детскую площадку",
                "Поступило письменных обращений: 1", "Ремонт тротуара", "Принято граждан на личном приёме: 2",
                "РЕШИЛИ", "Проверить освещение ул. Шахтёрской", "Управление ЖКХ", DATE.format(due),
                "Руководитель информационной группы", "/И.И. Иванов/", "Секретарь", "/О.П. Смирнова/");
        assertThat(pages).as("the protocol, then a page per card").hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i)).contains("стр. " + (i + 1) + " из " + pages.size());
        }
        String first = pages.get(pages.size() - 2);
        String second = pages.getLast();
        assertThat(first).contains("КАРТОЧКА ЛИЧНОГО ПРИЁМА ГРАЖДАН № 1", "Петрова Анна Сергеевна",
                "ул. Шахтёрская, 3, кв. 7", "+7 900 111-22-33", "Протекает крыша", "Жилищно-коммунальное хозяйство",
                "Дата приёма " + DATE.format(heldOn)).doesNotContain("Сидоров");
        assertThat(second).contains("КАРТОЧКА ЛИЧНОГО ПРИЁМА ГРАЖДАН № 2", "Сидоров Пётр Николаевич",
                "sidorov@example.ru", "Яма во дворе", "Дороги и тротуары").doesNotContain("Петрова");
        assertThat(all).contains("Кузнецова Мария Ильинична").doesNotContain("не раскрываются");

        JsonNode records = audit(meetingId);
        assertThat(records.path("totalItems").asInt()).as("one record for the print").isEqualTo(auditedBefore + 1);
        JsonNode print = records.path("items").get(0);
        assertThat(print.path("operation").asString()).isEqualTo("print");
        assertThat(print.path("reader").asString()).isEqualTo(Api.secretary(group).username());
        assertThat(print.path("fields").valueStream().map(JsonNode::asString)).contains(
                "receptionCards[RC1].citizen.fullName", "receptionCards[RC1].citizen.phone",
                "receptionCards[RC2].citizen.email", "writtenAppeals[WA1].citizen.fullName");
    }

    @Test
    void theControlDepartmentPrintsTheCardsWithoutTheCitizensAndLeavesNoAuditRecord() {
        String groupId = api.registerGroup("Группа (protocol, controller)", "Западный");
        String meetingId = api.holdMeeting(groupId, "Западный", CityClock.today().minusDays(2).atTime(17, 0));
        String minutes = "/api/meetings/" + meetingId + "/minutes";
        Api secretary = api.secretaryOf(groupId);
        secretary.ok(HttpMethod.PUT, minutes, Api.minutesWithTwoCardsAndAnInstruction(CityClock.today()
                .plusDays(20)));
        secretary.ok(HttpMethod.POST, minutes + "/signature", Map.of());
        api.as(CONTROLLER).ok(HttpMethod.POST, minutes + "/hand-over", Map.of());
        int audited = audit(meetingId).path("totalItems").asInt();

        Api.Download printed = api.as(CONTROLLER).download(minutes + "/protocol.pdf", PDF);
        Api.Download byEveryDuty = api.download(minutes + "/protocol.pdf", PDF);

        for (Api.Download copy : List.of(printed, byEveryDuty)) {
            assertThat(copy.status()).isEqualTo(200);
            List<String> pages = pages(copy.bytes());
            String all = String.join(" ", pages);
            assertThat(all).contains("ПРОТОКОЛ №", "Когда починят освещение?", "Проверить освещение ул. Шахтёрской",
                    "КАРТОЧКА ЛИЧНОГО ПРИЁМА ГРАЖДАН № 1", "КАРТОЧКА ЛИЧНОГО ПРИЁМА ГРАЖДАН № 2",
                    "Протекает крыша", "Яма во дворе", "не раскрываются (персональные данные)")
                    .doesNotContain(Api.PERSONAL_DATA);
            assertThat(pages.getLast()).contains("КАРТОЧКА ЛИЧНОГО ПРИЁМА ГРАЖДАН № 2");
        }
        assertThat(audit(meetingId).path("totalItems").asInt()).as("no audit record").isEqualTo(audited);
    }

    @Test
    void anotherGroupsSecretaryDoesNotFindTheProtocol() {
        String groupId = api.registerGroup("Группа (protocol, own)", "Западный");
        String otherId = api.registerGroup("Группа (protocol, other)", "Восточный");
        String meetingId = api.holdMeeting(groupId, "Западный", CityClock.today().minusDays(2).atTime(17, 0));
        String minutes = "/api/meetings/" + meetingId + "/minutes";
        api.secretaryOf(groupId).ok(HttpMethod.PUT, minutes, Api.minutesWithTwoCardsAndAnInstruction(
                CityClock.today().plusDays(20)));
        api.secretaryOf(groupId).ok(HttpMethod.POST, minutes + "/signature", Map.of());

        Api.Download other = api.secretaryOf(otherId).download(minutes + "/protocol.pdf", PDF);

        assertThat(other.status()).isEqualTo(404);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(new String(other.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain(Api.PERSONAL_DATA);
    }

    private JsonNode audit(String meetingId) {
        return api.as(PD_OFFICER).ok(HttpMethod.GET, "/api/audit/personal-data-reads?meetingId=" + meetingId, null);
    }

    /** The text of each page, whitespace folded. */
    private static List<String> pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new java.util.ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document).replace('\u00a0', ' ').replaceAll("\\s+", " "));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
