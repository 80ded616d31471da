package ru.outreach.reporting.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Russian labels of the classifier codes, channels, months and figures. An unknown code is shown as it is. */
public final class Labels {

    public static final Map<String, String> CATEGORIES = ordered(
            "HOUSING", "Жилищно-коммунальное хозяйство", "ROADS", "Дороги",
            "IMPROVEMENT", "Благоустройство и озеленение", "TRANSPORT", "Транспорт",
            "SOCIAL_SUPPORT", "Социальная поддержка", "HEALTH", "Здравоохранение", "EDUCATION", "Образование",
            "PUBLIC_ORDER", "Общественный порядок", "ECOLOGY", "Экология", "TRADE", "Торговля и услуги",
            "CULTURE_SPORT", "Культура и спорт", "OTHER", "Прочее");

    public static final Map<String, String> CHANNELS = ordered(
            "POST", "Почта", "IN_PERSON", "Лично", "ELECTRONIC", "Электронно",
            "PERSONAL_RECEPTION", "Личный приём", "MEETING", "Выездная встреча");

    public static final List<String> MONTHS = List.of("январь", "февраль", "март", "апрель", "май", "июнь", "июль",
            "август", "сентябрь", "октябрь", "ноябрь", "декабрь");

    /** The figures of {@code AppealsReport.totals}. */
    public static final Map<String, String> APPEAL_FIGURES = ordered(
            "appeals", "Поступило обращений",
            "answeredWithinTerm", "Отвечено в срок",
            "answeredWithinTermShare", "Доля отвеченных в срок",
            "averageDaysToAnswer", "Средний срок ответа, дней",
            "extensions", "Продлений срока",
            "redirects", "Перенаправлено по компетенции",
            "repeated", "Повторных",
            "openAtEnd", "Не разрешено на конец года");

    public static String category(String code) {
        return CATEGORIES.getOrDefault(code, code);
    }

    public static String channel(String code) {
        return CHANNELS.getOrDefault(code, code);
    }

    public static String month(int month) {
        return MONTHS.get(month - 1);
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
