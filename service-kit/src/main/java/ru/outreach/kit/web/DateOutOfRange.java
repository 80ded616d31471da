package ru.outreach.kit.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/** A well-formed date outside the years the administration's records can hold. */
final class DateOutOfRange extends InvalidFormatException {

    private static final long serialVersionUID = 1L;

    DateOutOfRange(JsonParser parser, Object value, Class<?> type) {
        super(parser, "Date " + value + " is outside " + StrictJson.EARLIEST + ".." + StrictJson.LATEST, value, type);
    }
}
