package ru.outreach.reporting.export;

/**
 * One value of an exported table, typed so that a spreadsheet keeps numbers as numbers and a PDF prints them the
 * Russian way.
 */
sealed interface Cell {

    record Text(String value) implements Cell {
    }

    /** A count, or a figure with {@code decimals} places. */
    record Number(double value, int decimals) implements Cell {
    }

    /** A share 0..1, shown in percent. */
    record Share(double value) implements Cell {
    }

    /** A change with its sign, e.g. «+12», «−3,5 %», «+4,0 п. п.»; {@code unit} is empty, "%" or "п. п.". */
    record Signed(double value, int decimals, String unit) implements Cell {
    }

    record Empty() implements Cell {
    }

    static Cell text(String value) {
        return value == null ? new Empty() : new Text(value);
    }

    static Cell count(long value) {
        return new Number(value, 0);
    }

    static Cell decimal(Double value) {
        return value == null ? new Empty() : new Number(value, 1);
    }

    static Cell share(double value) {
        return new Share(value);
    }
}
