package ru.outreach.kit.web;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a file the services send: an ASCII name for old clients ({@code filename}) and
 * the Russian one (RFC 5987 {@code filename*}, UTF-8) that browsers prefer.
 */
public final class FileNames {

    private FileNames() {
    }

    /** {@code attachment} (save) or {@code inline} (show), with both names. */
    public static String disposition(String type, String asciiName, String russianName) {
        if (!asciiName.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("not a plain ASCII file name: " + asciiName);
        }
        return type + "; filename=\"" + asciiName + "\"; filename*=UTF-8''" + rfc5987(russianName);
    }

    /** RFC 5987 value-chars: attr-chars as they are, every other UTF-8 byte as %XX. */
    static String rfc5987(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
