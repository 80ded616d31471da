package ru.outreach.appeals.category;

/** A category of the classifier: a stable code and its Russian name. */
public record Category(String code, String name) {

    public static final String OTHER = "OTHER";
}
