package ru.outreach.meetings.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import ru.outreach.events.meetings.ProposalOutcome;
import ru.outreach.meetings.group.Person;
import ru.outreach.meetings.group.Staff;
import ru.outreach.meetings.minutes.MinutesContent.Citizen;
import ru.outreach.meetings.minutes.MinutesContent.Instruction;
import ru.outreach.meetings.minutes.MinutesContent.Proposal;
import ru.outreach.meetings.minutes.MinutesContent.Question;
import ru.outreach.meetings.minutes.MinutesContent.ReceptionCard;
import ru.outreach.meetings.minutes.MinutesContent.Remark;
import ru.outreach.meetings.minutes.MinutesContent.WrittenAppeal;

/** The printed protocol's layout, read back from the PDF. */
class ProtocolPdfTest {

    private static final ProtocolProperties PROPERTIES = new ProtocolProperties("Администрация города Новошахтинска",
            Map.of("HOUSING", "Жилищно-коммунальное хозяйство"));

    @Test
    void aProtocolWithAnAdministrationPrintsItsHeadingAndACardPerPageOnA4() {
        MinutesContent content = content(new Citizen("Петрова Анна Сергеевна", "ул. Шахтёрская, 3", null, null),
                new Citizen("Сидоров Пётр", null, "+7 900 000-00-00", null));

        byte[] pdf = ProtocolPdf.render(protocol(content));

        List<String> pages = pages(pdf);
        assertThat(pages.getFirst()).startsWith("АДМИНИСТРАЦИЯ ГОРОДА НОВОШАХТИНСКА ПРОТОКОЛ № 7 выездной встречи");
        String all = String.join(" ", pages);
        assertThat(all).contains("20.11.2026 Западный", "Время проведения: 17:30",
                "(решение: принято, 25.11.2026)", "Ответ: ответ на встрече не дан", "Замечаний не поступило.",
                "Протокол подписан руководителем информационной группы 21.11.2026.",
                "Приложение: карточки личного приёма граждан — 2 шт.");
        assertThat(pages.get(pages.size() - 2)).contains("Приложение к протоколу № 7 от 20.11.2026",
                "КАРТОЧКА ЛИЧНОГО ПРИЁМА ГРАЖДАН № 1", "Петрова Анна Сергеевна", "Телефон не указан",
                "Тематика Жилищно-коммунальное хозяйство");
        assertThat(pages.getLast()).contains("КАРТОЧКА ЛИЧНОГО ПРИЁМА ГРАЖДАН № 2", "Сидоров Пётр",
                "Адрес не указан", "Тематика ROADS", "Приём провёл(а) руководитель информационной группы Иванов");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth(),
                        org.assertj.core.data.Offset.offset(1f));
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("LiberationSerif");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void withheldCitizensPrintAsWithheldAndWithoutAdministrationThereIsNoHeadingLine() {
        MinutesContent content = content(new Citizen("Петрова Анна Сергеевна", "ул. Шахтёрская, 3", null, null),
                new Citizen("Сидоров Пётр", null, null, null)).withoutCitizens();
        Protocol protocol = protocol(content);
        Protocol plain = new Protocol(null, protocol.number(), protocol.groupName(), protocol.heldAt(),
                protocol.territory(), protocol.venue(), protocol.leader(), protocol.signedOn(), protocol.secretary(),
                protocol.members(), protocol.officialsPresent(), protocol.residentsAttended(), content,
                protocol.categories());

        String all = String.join(" ", pages(ProtocolPdf.render(plain)));

        assertThat(plain.personalDataWithheld()).isTrue();
        assertThat(all).startsWith("ПРОТОКОЛ № 7").doesNotContain("АДМИНИСТРАЦИЯ", "Петрова", "Сидоров",
                "Шахтёрская").contains("заявитель: не раскрываются (персональные данные)",
                "Фамилия, имя, отчество гражданина не раскрываются (персональные данные)",
                "Сведения о гражданине в этом экземпляре не раскрываются");
    }

    @Test
    void aSignatureIsTranscribedWithInitialsBeforeTheSurname() {
        assertThat(ProtocolPdf.initials("Иванов Иван Иванович")).isEqualTo("И.И. Иванов");
        assertThat(ProtocolPdf.initials("Козлов Андрей")).isEqualTo("А. Козлов");
        assertThat(ProtocolPdf.initials("Мадонна")).isEqualTo("Мадонна");
    }

    private static Protocol protocol(MinutesContent content) {
        return new Protocol(PROPERTIES.administration(), 7, "Информационная группа микрорайона Западный",
                LocalDateTime.of(2026, 11, 20, 17, 30), "Западный", "МБОУ СОШ № 3, ул. Ленина, 10",
                new Person("Иванов Иван Иванович", "заместитель Главы Администрации"), LocalDate.of(2026, 11, 21),
                new Person("Смирнова Ольга Петровна", "главный специалист"),
                List.of(new Person("Козлов Андрей", "начальник УЖКХ")), List.of("участковый Сергеев"), 42, content,
                PROPERTIES::category);
    }

    private static MinutesContent content(Citizen first, Citizen second) {
        return new MinutesContent(
                List.of(new Question("Q1", "Когда починят освещение?", null)),
                List.of(),
                List.of(new Proposal("P1", "Установить детскую площадку", ProposalOutcome.ACCEPTED,
                        LocalDate.of(2026, 11, 25), new Staff("secretary-west", "Ольга Смирнова"))),
                List.of(new ReceptionCard("RC1", first, "Протекает крыша", "HOUSING"),
                        new ReceptionCard("RC2", second, "Яма во дворе", "ROADS")),
                List.of(new WrittenAppeal("WA1", first, "Ремонт тротуара", "ROADS")),
                List.of(new Instruction("I1", "Проверить освещение", "Управление ЖКХ", LocalDate.of(2026, 12, 20))));
    }

    private static List<String> pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document).replace('\u00a0', ' ').replaceAll("\\s+", " ").strip());
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
