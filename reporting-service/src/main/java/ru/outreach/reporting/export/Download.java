package ru.outreach.reporting.export;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file to save: its bytes, type and two names, an ASCII one for old clients ({@code filename}) and the Russian one
 * (RFC 5987 {@code filename*}, UTF-8) that browsers prefer.
 */
record Download(byte[] bytes, MediaType type, String asciiName, String russianName) {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    Download {
        if (!asciiName.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("not a plain ASCII file name: " + asciiName);
        }
    }

    String disposition() {
        return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + encode(russianName);
    }

    ResponseEntity<byte[]> response() {
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(bytes.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes);
    }

    /** RFC 5987 value-chars: attr-chars as they are, every other UTF-8 byte as %XX. */
    static String encode(String value) {
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
