package ru.outreach.appeals.appeal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;

import ru.outreach.appeals.appeal.AppealRecords.Citizen;

/**
 * Who the citizen is, for finding repeated appeals: a digest of the normalised name and the first known address
 * (postal, else e-mail, else phone). Null when the name or every address is missing: such a citizen cannot be
 * recognised.
 */
final class CitizenKey {

    private CitizenKey() {
    }

    static String of(Citizen citizen) {
        if (!citizen.hasName()) {
            return null;
        }
        String address = Stream.of(normal(citizen.postalAddress()), normal(citizen.email()), digits(citizen.phone()))
                .filter(part -> !part.isEmpty()).findFirst().orElse(null);
        if (address == null) {
            return null;
        }
        return sha256(normal(citizen.fullName()) + "|" + address);
    }

    private static String normal(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[^\\p{L}\\p{N}@]+", " ")
                .trim();
    }

    private static String digits(String phone) {
        return phone == null ? "" : phone.replaceAll("\\D", "");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
