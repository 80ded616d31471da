package ru.outreach.meetings.minutes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

import ru.outreach.events.meetings.ProposalOutcome;
import ru.outreach.meetings.group.Person;
import ru.outreach.meetings.minutes.MinutesContent.Citizen;
import ru.outreach.meetings.minutes.MinutesContent.Instruction;
import ru.outreach.meetings.minutes.MinutesContent.Proposal;
import ru.outreach.meetings.minutes.MinutesContent.Question;
import ru.outreach.meetings.minutes.MinutesContent.ReceptionCard;
import ru.outreach.meetings.minutes.MinutesContent.Remark;
import ru.outreach.meetings.minutes.MinutesContent.WrittenAppeal;

/**
 * Writes a {@link Protocol} as a municipal protocol on A4 (margins of GOST R 7.0.97: 30 mm left, 15 mm right, 20 mm
 * top and bottom): heading, who was present, the agenda and its items (questions and answers, remarks and
 * proposals, written appeals and the personal reception, the leader's instructions as «РЕШИЛИ»), the signature
 * lines for the leader and the secretary, then each reception card on a page of its own. Every page is numbered
 * «стр. N из M». The text is set in Liberation Serif (metric-compatible with Times New Roman), embedded, from the
 * {@code openpdf-fonts-extra} artifact (SIL Open Font License), so Cyrillic prints on any machine.
 */
final class ProtocolPdf {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private static final byte[] REGULAR = font("liberation/LiberationSerif-Regular.ttf");
    private static final byte[] BOLD = font("liberation/LiberationSerif-Bold.ttf");
    private static final byte[] ITALIC = font("liberation/LiberationSerif-Italic.ttf");
    private static final float MM = 72f / 25.4f;
    private static final float PADDING = 4;
    private static final String WITHHELD = "не раскрываются (персональные данные)";
    private static final String NONE = "—";
    private static final String SIGNATURE_LINE = "____________________";
    /** The room a section's heading wants below it on its page: itself and about three lines. */
    private static final float SECTION_ROOM = 80;

    private ProtocolPdf() {
    }

    static byte[] render(Protocol protocol) {
        Fonts fonts = new Fonts();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 30 * MM, 15 * MM, 20 * MM, 20 * MM);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        String title = "Протокол № " + protocol.number() + " от " + DATE.format(protocol.heldOn());
        document.addTitle(title + " — " + protocol.groupName());
        document.addSubject("Протокол выездной встречи информационной группы с населением");
        document.addCreator("meetings-service");
        writer.setPageEvent(new PageNumbers(title, fonts));
        // justified lines stretch the spaces between words, never the letters
        writer.setSpaceCharRatio(PdfWriter.NO_SPACE_CHAR_RATIO);
        document.open();
        heading(document, protocol, fonts);
        present(document, protocol, fonts);
        agenda(document, writer, protocol, fonts);
        signatures(document, protocol, fonts);
        List<ReceptionCard> cards = protocol.content().receptionCards();
        for (int i = 0; i < cards.size(); i++) {
            document.newPage();
            card(document, protocol, i + 1, cards.get(i), fonts);
        }
        document.close();
        return out.toByteArray();
    }

    private static void heading(Document document, Protocol protocol, Fonts fonts) {
        if (protocol.administration() != null) {
            document.add(centered(protocol.administration().toUpperCase(Locale.forLanguageTag("ru")), fonts.bold, 0));
        }
        document.add(centered("ПРОТОКОЛ № " + protocol.number(), fonts.title, protocol.administration() == null
                ? 0 : 12));
        document.add(centered("выездной встречи информационной группы с населением", fonts.body, 2));
        document.add(centered("«" + protocol.groupName() + "»", fonts.body, 0));
        PdfPTable dateAndPlace = borderless(new float[] {1, 1});
        dateAndPlace.setSpacingBefore(12);
        dateAndPlace.addCell(text(DATE.format(protocol.heldOn()), fonts.body, Element.ALIGN_LEFT));
        dateAndPlace.addCell(text(protocol.territory(), fonts.body, Element.ALIGN_RIGHT));
        document.add(dateAndPlace);
        document.add(labelled("Время проведения: ", TIME.format(protocol.heldAt()), fonts, 10));
        document.add(labelled("Место проведения: ", protocol.venue(), fonts, 0));
        document.add(labelled("Территория: ", protocol.territory(), fonts, 0));
    }

    private static void present(Document document, Protocol protocol, Fonts fonts) {
        document.add(labelled("Председательствующий — руководитель информационной группы: ",
                person(protocol.leader()), fonts, 10));
        document.add(labelled("Секретарь: ", person(protocol.secretary()), fonts, 0));
        document.add(paragraph("Присутствовали:", fonts.bold, 6));
        document.add(labelled("члены информационной группы: ", protocol.members().isEmpty() ? NONE
                : String.join("; ", protocol.members().stream().map(ProtocolPdf::person).toList()), fonts, 0));
        document.add(labelled("должностные лица и приглашённые: ", protocol.officialsPresent().isEmpty() ? NONE
                : String.join(", ", protocol.officialsPresent()), fonts, 0));
        document.add(labelled("жители территории: ", protocol.residentsAttended() + " чел.", fonts, 0));
    }

    private static void agenda(Document document, PdfWriter writer, Protocol protocol, Fonts fonts) {
        MinutesContent content = protocol.content();
        document.add(paragraph("ПОВЕСТКА ДНЯ:", fonts.bold, 12));
        document.add(paragraph("1. Вопросы жителей и ответы на них.", fonts.body, 0));
        document.add(paragraph("2. Замечания и предложения жителей.", fonts.body, 0));
        document.add(paragraph("3. Письменные обращения и личный приём граждан.", fonts.body, 0));
        document.add(paragraph("4. Поручения руководителя информационной группы.", fonts.body, 0));

        section(document, writer, "1. ВОПРОСЫ ЖИТЕЛЕЙ И ОТВЕТЫ", fonts);
        if (content.questions().isEmpty()) {
            document.add(paragraph("Вопросы не задавались.", fonts.body, 0));
        }
        int n = 0;
        for (Question question : content.questions()) {
            n++;
            document.add(labelled("1." + n + ". Вопрос: ", question.text(), fonts, 4));
            document.add(indented("Ответ: ", blank(question.answer()) ? "ответ на встрече не дан" : question.answer(),
                    fonts));
        }

        section(document, writer, "2. ЗАМЕЧАНИЯ И ПРЕДЛОЖЕНИЯ ЖИТЕЛЕЙ", fonts);
        document.add(paragraph("Замечания:", fonts.bold, 0));
        if (content.remarks().isEmpty()) {
            document.add(paragraph("Замечаний не поступило.", fonts.body, 0));
        }
        n = 0;
        for (Remark remark : content.remarks()) {
            n++;
            document.add(paragraph("2." + n + ". " + remark.text(), fonts.body, 2));
        }
        document.add(paragraph("Предложения:", fonts.bold, 4));
        if (content.proposals().isEmpty()) {
            document.add(paragraph("Предложений не поступило.", fonts.body, 0));
        }
        for (Proposal proposal : content.proposals()) {
            n++;
            String decision = proposal.outcome() == null ? "" : " (решение: " + outcome(proposal.outcome())
                    + (proposal.evaluatedOn() == null ? "" : ", " + DATE.format(proposal.evaluatedOn())) + ")";
            document.add(paragraph("2." + n + ". " + proposal.text() + decision, fonts.body, 2));
        }

        section(document, writer, "3. ПИСЬМЕННЫЕ ОБРАЩЕНИЯ И ЛИЧНЫЙ ПРИЁМ ГРАЖДАН", fonts);
        document.add(paragraph("Поступило письменных обращений: " + content.writtenAppeals().size() + ".",
                fonts.body, 0));
        n = 0;
        for (WrittenAppeal appeal : content.writtenAppeals()) {
            n++;
            List<String> parts = new ArrayList<>();
            parts.add(appeal.summary());
            String category = protocol.categories().apply(appeal.category());
            if (!category.isEmpty()) {
                parts.add("тематика: " + category);
            }
            parts.add("заявитель: " + (appeal.citizen() == null ? WITHHELD : citizen(appeal.citizen())));
            document.add(paragraph("3." + n + ". " + String.join("; ", parts) + ".", fonts.body, 2));
        }
        int cards = content.receptionCards().size();
        document.add(paragraph("Принято граждан на личном приёме: " + cards + (cards == 0 ? "."
                : " (карточки личного приёма — в приложении к протоколу)."), fonts.body, 4));

        section(document, writer, "4. РЕШИЛИ. ПОРУЧЕНИЯ РУКОВОДИТЕЛЯ ИНФОРМАЦИОННОЙ ГРУППЫ", fonts);
        if (content.instructions().isEmpty()) {
            document.add(paragraph("Поручения не давались.", fonts.body, 0));
        } else {
            document.add(instructions(content.instructions(), fonts));
        }
        if (cards > 0) {
            document.add(paragraph("Приложение: карточки личного приёма граждан — " + cards + " шт.", fonts.body,
                    12));
        }
    }

    private static PdfPTable instructions(List<Instruction> instructions, Fonts fonts) {
        PdfPTable table = new PdfPTable(new float[] {0.7f, 5.2f, 2.8f, 1.7f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setHeaderRows(1);
        for (String header : List.of("№", "Поручение", "Исполнитель", "Срок исполнения")) {
            PdfPCell cell = new PdfPCell(new Phrase(header, fonts.smallBold));
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            cell.setPadding(PADDING);
            table.addCell(cell);
        }
        int n = 0;
        for (Instruction instruction : instructions) {
            n++;
            table.addCell(boxed(n + ".", fonts.small, Element.ALIGN_CENTER));
            table.addCell(boxed(instruction.text(), fonts.small, Element.ALIGN_LEFT));
            table.addCell(boxed(instruction.executorDepartment(), fonts.small, Element.ALIGN_LEFT));
            table.addCell(boxed(DATE.format(instruction.dueOn()), fonts.small, Element.ALIGN_CENTER));
        }
        return table;
    }

    private static void signatures(Document document, Protocol protocol, Fonts fonts) {
        PdfPTable lines = borderless(new float[] {4.2f, 2.6f, 2.6f});
        lines.setSpacingBefore(28);
        lines.setKeepTogether(true);
        signatureRow(lines, "Руководитель информационной группы", protocol.leader(), fonts);
        signatureRow(lines, "Секретарь", protocol.secretary(), fonts);
        document.add(lines);
        document.add(paragraph("Протокол подписан руководителем информационной группы "
                + DATE.format(protocol.signedOn()) + ".", fonts.note, 6));
    }

    private static void signatureRow(PdfPTable lines, String role, Person person, Fonts fonts) {
        PdfPCell name = text(role, fonts.body, Element.ALIGN_LEFT);
        name.setPaddingTop(14);
        lines.addCell(name);
        PdfPCell line = text(SIGNATURE_LINE, fonts.body, Element.ALIGN_CENTER);
        line.setPaddingTop(14);
        lines.addCell(line);
        PdfPCell decoded = text("/" + initials(person.fullName()) + "/", fonts.body, Element.ALIGN_LEFT);
        decoded.setPaddingTop(14);
        lines.addCell(decoded);
    }

    private static void card(Document document, Protocol protocol, int number, ReceptionCard card, Fonts fonts) {
        Paragraph appendix = new Paragraph("Приложение к протоколу № " + protocol.number() + " от "
                + DATE.format(protocol.heldOn()), fonts.note);
        appendix.setAlignment(Element.ALIGN_RIGHT);
        document.add(appendix);
        document.add(centered("КАРТОЧКА ЛИЧНОГО ПРИЁМА ГРАЖДАН № " + number, fonts.title, 12));
        document.add(centered("«" + protocol.groupName() + "»", fonts.body, 2));
        PdfPTable fields = new PdfPTable(new float[] {3.2f, 6.8f});
        fields.setWidthPercentage(100);
        fields.setSpacingBefore(14);
        Citizen citizen = card.citizen();
        field(fields, "Дата приёма", DATE.format(protocol.heldOn()), fonts);
        field(fields, "Место приёма", protocol.venue() + "; территория: " + protocol.territory(), fonts);
        field(fields, "Фамилия, имя, отчество гражданина", citizen == null ? WITHHELD : given(citizen.fullName()),
                fonts);
        field(fields, "Адрес", citizen == null ? WITHHELD : given(citizen.postalAddress()), fonts);
        field(fields, "Телефон", citizen == null ? WITHHELD : given(citizen.phone()), fonts);
        field(fields, "Электронная почта", citizen == null ? WITHHELD : given(citizen.email()), fonts);
        field(fields, "Содержание вопроса", card.question(), fonts);
        String category = protocol.categories().apply(card.category());
        field(fields, "Тематика", category.isEmpty() ? NONE : category, fonts);
        field(fields, "Приём провёл(а)", "руководитель информационной группы " + person(protocol.leader()), fonts);
        document.add(fields);
        PdfPTable sign = borderless(new float[] {4.2f, 2.6f, 2.6f});
        sign.setSpacingBefore(28);
        PdfPCell role = text("Подпись должностного лица, проводившего приём", fonts.body, Element.ALIGN_LEFT);
        sign.addCell(role);
        sign.addCell(text(SIGNATURE_LINE, fonts.body, Element.ALIGN_CENTER));
        sign.addCell(text("/" + initials(protocol.leader().fullName()) + "/", fonts.body, Element.ALIGN_LEFT));
        document.add(sign);
        if (citizen == null) {
            document.add(paragraph("Сведения о гражданине в этом экземпляре не раскрываются: их печатает секретарь "
                    + "информационной группы.", fonts.note, 12));
        }
    }

    private static void field(PdfPTable table, String label, String value, Fonts fonts) {
        PdfPCell name = boxed(label, fonts.bold, Element.ALIGN_LEFT);
        table.addCell(name);
        table.addCell(boxed(value, fonts.body, Element.ALIGN_LEFT));
    }

    // the pieces

    /** A section's heading; it never stays alone at the foot of a page but goes over with its first lines. */
    private static void section(Document document, PdfWriter writer, String title, Fonts fonts) {
        if (writer.getVerticalPosition(true) - document.bottom() < SECTION_ROOM) {
            document.newPage();
        }
        Paragraph section = paragraph(title, fonts.bold, 10);
        section.setSpacingAfter(2);
        document.add(section);
    }

    private static Paragraph centered(String text, Font font, float before) {
        Paragraph paragraph = paragraph(text, font, before);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        return paragraph;
    }

    private static Paragraph paragraph(String text, Font font, float before) {
        Paragraph paragraph = new Paragraph(font.getSize() * 1.25f, text, font);
        paragraph.setSpacingBefore(before);
        paragraph.setAlignment(Element.ALIGN_JUSTIFIED);
        return paragraph;
    }

    private static Paragraph labelled(String label, String value, Fonts fonts, float before) {
        Paragraph paragraph = new Paragraph(fonts.body.getSize() * 1.25f, label, fonts.bold);
        paragraph.add(new Phrase(value == null ? NONE : value, fonts.body));
        paragraph.setSpacingBefore(before);
        return paragraph;
    }

    private static Paragraph indented(String label, String value, Fonts fonts) {
        Paragraph paragraph = labelled(label, value, fonts, 1);
        paragraph.setIndentationLeft(10 * MM);
        return paragraph;
    }

    private static PdfPTable borderless(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        return table;
    }

    private static PdfPCell text(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        cell.setPaddingBottom(2);
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_BOTTOM);
        return cell;
    }

    private static PdfPCell boxed(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(PADDING);
        cell.setHorizontalAlignment(alignment);
        cell.setLeading(0, 1.15f);
        return cell;
    }

    // the words

    /** "Иванов Иван Иванович, заместитель Главы Администрации". */
    private static String person(Person person) {
        if (person == null) {
            return NONE;
        }
        return blank(person.position()) ? person.fullName() : person.fullName() + ", " + person.position();
    }

    /** A signature's transcript: "Иванов Иван Иванович" as "И.И. Иванов"; other names as they are. */
    static String initials(String fullName) {
        String[] parts = fullName == null ? new String[0] : fullName.strip().split("\\s+");
        if (parts.length < 2 || parts.length > 3) {
            return fullName == null ? "" : fullName.strip();
        }
        StringBuilder initials = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            initials.appendCodePoint(parts[i].codePointAt(0)).append('.');
        }
        return initials + " " + parts[0];
    }

    private static String citizen(Citizen citizen) {
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {citizen.fullName(), citizen.postalAddress(), citizen.phone(),
                citizen.email()}) {
            if (!blank(part)) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? "не указан" : String.join(", ", parts);
    }

    private static String outcome(ProposalOutcome outcome) {
        return switch (outcome) {
            case ACCEPTED -> "принято";
            case REJECTED -> "отклонено";
            case INCLUDED_IN_PLAN -> "включено в план";
        };
    }

    private static String given(String value) {
        return blank(value) ? "не указан" : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static byte[] font(String resource) {
        try (InputStream in = ProtocolPdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font not on the class path: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * «Протокол № 3 от 20.11.2026 — стр. 2 из 4» at the foot of every page; the page count is written into a template
     * when the document closes.
     */
    private static final class PageNumbers extends PdfPageEventHelper {

        private static final float SIZE = 9;
        private final String title;
        private final Fonts fonts;
        private PdfTemplate total;

        PageNumbers(String title, Fonts fonts) {
            this.title = title;
            this.fonts = fonts;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, SIZE + 4);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            String text = title + " — стр. " + writer.getPageNumber() + " из ";
            BaseFont font = fonts.regular;
            float width = font.getWidthPoint(text, SIZE);
            float right = document.right();
            float x = right - width - font.getWidthPoint("000", SIZE);
            float y = document.bottom() - 10 * MM;
            PdfContentByte content = writer.getDirectContent();
            content.saveState();
            content.beginText();
            content.setFontAndSize(font, SIZE);
            content.setTextMatrix(x, y);
            content.showText(text);
            content.endText();
            content.addTemplate(total, x + width, y);
            content.restoreState();
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(fonts.regular, SIZE);
            total.setTextMatrix(0, 0);
            total.showText(String.valueOf(writer.getPageNumber() - 1));
            total.endText();
        }
    }

    /** The fonts of one document: Liberation Serif, embedded with the glyphs used. */
    private static final class Fonts {

        final BaseFont regular;
        final Font title;
        final Font bold;
        final Font body;
        final Font small;
        final Font smallBold;
        final Font note;

        Fonts() {
            regular = base("LiberationSerif-Regular.ttf", REGULAR);
            BaseFont bolder = base("LiberationSerif-Bold.ttf", BOLD);
            BaseFont italic = base("LiberationSerif-Italic.ttf", ITALIC);
            title = new Font(bolder, 14);
            bold = new Font(bolder, 12);
            body = new Font(regular, 12);
            small = new Font(regular, 11);
            smallBold = new Font(bolder, 11);
            note = new Font(italic, 10);
        }

        private static BaseFont base(String name, byte[] bytes) {
            try {
                return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
