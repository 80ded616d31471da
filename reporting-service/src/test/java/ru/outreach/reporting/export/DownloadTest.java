package ru.outreach.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class DownloadTest {

    @Test
    void dispositionCarriesAnAsciiNameAndTheRussianNameEncodedPerRfc5987() {
        Download download = new Download(new byte[0], MediaType.APPLICATION_PDF, "appeals-2026.pdf",
                "Анализ обращений, 2026 год.pdf");

        assertThat(download.disposition()).isEqualTo("attachment; filename=\"appeals-2026.pdf\"; "
                + "filename*=UTF-8''%D0%90%D0%BD%D0%B0%D0%BB%D0%B8%D0%B7%20%D0%BE%D0%B1%D1%80%D0%B0%D1%89%D0%B5"
                + "%D0%BD%D0%B8%D0%B9%2C%202026%20%D0%B3%D0%BE%D0%B4.pdf");
    }

    @Test
    void refusesANonAsciiFallbackName() {
        assertThatThrownBy(() -> new Download(new byte[0], MediaType.APPLICATION_PDF, "отчёт.pdf", "отчёт.pdf"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
