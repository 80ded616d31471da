package ru.outreach.localstack.demo;

import java.util.List;
import java.util.Map;

/** Names, places and texts of a small Russian city, for the demo data. */
final class Dictionary {

    private Dictionary() {
    }

    static final List<String> TERRITORIES = List.of("микрорайон Западный", "микрорайон Соколово-Кундрючий",
            "Центральный район", "посёлок Новостепнянский", "микрорайон Ключевской", "посёлок Радио",
            "микрорайон Несветайский", "посёлок Красный Сулин-2", "микрорайон Восточный", "посёлок Шахтёрский",
            "микрорайон Молодёжный", "посёлок Северный");

    /** The executor in the realm (deploy/keycloak/outreach-realm.json) of each department of the categories. */
    static final Map<String, String> EXECUTORS = Map.ofEntries(
            Map.entry("Управление ЖКХ", "executor-housing"),
            Map.entry("Отдел дорожного хозяйства", "executor-roads"),
            Map.entry("Отдел благоустройства", "executor-improvement"),
            Map.entry("Отдел транспорта", "executor-transport"),
            Map.entry("Управление социальной защиты населения", "executor-social"),
            Map.entry("Отдел здравоохранения", "executor-health"),
            Map.entry("Отдел образования", "executor-education"),
            Map.entry("Отдел по работе с правоохранительными органами", "executor-order"),
            Map.entry("Отдел экологии", "executor-ecology"),
            Map.entry("Отдел экономики и торговли", "executor-trade"),
            Map.entry("Отдел культуры и спорта", "executor-culture"),
            Map.entry("Общий отдел", "executor-general"));

    static final List<String> LEADERS = List.of("Иванов Иван Иванович", "Петренко Сергей Николаевич",
            "Кузьмина Елена Викторовна", "Сафонов Андрей Петрович", "Лебедева Ольга Юрьевна",
            "Гришин Виктор Александрович", "Морозова Татьяна Ивановна", "Белов Николай Сергеевич",
            "Тарасова Наталья Петровна", "Воронин Алексей Игоревич");

    static final List<String> SURNAMES = List.of("Петрова", "Сидоров", "Кузнецова", "Смирнов", "Попова", "Волков",
            "Соколова", "Михайлов", "Новикова", "Фёдоров", "Морозова", "Алексеев", "Лебедева", "Семёнов", "Егорова",
            "Павлов", "Козлова", "Степанов", "Николаева", "Орлов", "Андреева", "Макаров", "Захарова", "Никитин");

    static final List<String> INITIALS = List.of("А.С.", "П.Н.", "М.И.", "В.В.", "Е.А.", "Н.П.", "О.Г.", "Т.Ю.");

    static final List<String> STREETS = List.of("ул. Шахтёрская", "ул. Ленина", "ул. Мира", "ул. Садовая",
            "ул. Советская", "пер. Школьный", "ул. Горняцкая", "ул. Парковая", "ул. Молодёжная", "ул. Победы");

    /** Category code → (weight, executor department, typical question). */
    record Category(String code, int weight, String department, String question) {
    }

    static final List<Category> CATEGORIES = List.of(
            new Category("HOUSING", 26, "Управление ЖКХ", "Протекает кровля многоквартирного дома"),
            new Category("ROADS", 17, "Отдел дорожного хозяйства", "Ямы на дороге, нужен ремонт покрытия"),
            new Category("IMPROVEMENT", 15, "Отдел благоустройства", "Нет освещения во дворе, не вывозится мусор"),
            new Category("TRANSPORT", 8, "Отдел транспорта", "Редко ходит автобус, нет остановочного павильона"),
            new Category("SOCIAL_SUPPORT", 9, "Управление социальной защиты населения", "Просьба о материальной помощи"),
            new Category("HEALTH", 5, "Отдел здравоохранения", "Нет записи к врачу в поликлинике"),
            new Category("EDUCATION", 5, "Отдел образования", "Нет мест в детском саду"),
            new Category("PUBLIC_ORDER", 4, "Отдел по работе с правоохранительными органами", "Шум по ночам во дворе"),
            new Category("ECOLOGY", 4, "Отдел экологии", "Несанкционированная свалка у балки"),
            new Category("TRADE", 3, "Отдел экономики и торговли", "Нестационарная торговля у остановки"),
            new Category("CULTURE_SPORT", 2, "Отдел культуры и спорта", "Нужна спортивная площадка"),
            new Category("OTHER", 2, "Общий отдел", "Прочие вопросы"));

    static final String CONTROLLER = "Контрольно-организационный сектор";

    static final Map<String, String> INSTRUCTION_TEXTS = Map.of(
            "Управление ЖКХ", "Обследовать состояние кровли и подготовить план ремонта",
            "Отдел дорожного хозяйства", "Включить участок дороги в план ямочного ремонта",
            "Отдел благоустройства", "Организовать вывоз мусора и восстановить освещение",
            "Отдел транспорта", "Проработать с перевозчиком изменение расписания маршрута",
            "Управление социальной защиты населения", "Рассмотреть вопрос об оказании адресной помощи",
            "Отдел образования", "Подготовить информацию о наличии мест в детских садах");
}
