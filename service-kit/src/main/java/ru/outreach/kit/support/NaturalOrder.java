package ru.outreach.kit.support;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names in the order a reader expects: «Группа № 2» before «Группа № 10». */
public final class NaturalOrder {

    public static final Comparator<String> NAMES = NaturalOrder::compare;

    private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

    private NaturalOrder() {
    }

    /** Compares chunk by chunk: digits by their value, other text alphabetically; a prefix comes first. */
    private static int compare(String a, String b) {
        Matcher left = CHUNK.matcher(a);
        Matcher right = CHUNK.matcher(b);
        while (left.find() && right.find()) {
            String x = left.group();
            String y = right.group();
            int order = isNumber(x) && isNumber(y) ? new BigInteger(x).compareTo(new BigInteger(y))
                    : x.compareToIgnoreCase(y);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static boolean isNumber(String chunk) {
        return Character.isDigit(chunk.charAt(0));
    }
}
