package ru.outreach.reporting.export;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import ru.outreach.kit.web.FileNames;

/**
 * A file to save: its bytes, type and two names, an ASCII one for old clients ({@code filename}) and the Russian one
 * (RFC 5987 {@code filename*}, UTF-8) that browsers prefer.
 */
record Download(byte[] bytes, MediaType type, String asciiName, String russianName) {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    Download {
        FileNames.disposition("attachment", asciiName, russianName); // refuses a name that is not plain ASCII
    }

    String disposition() {
        return FileNames.disposition("attachment", asciiName, russianName);
    }

    ResponseEntity<byte[]> response() {
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(bytes.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes);
    }
}
