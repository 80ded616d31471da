package ru.outreach.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import ru.outreach.reporting.query.ReportService;
import ru.outreach.reporting.report.AppealsReport;
import ru.outreach.reporting.report.GroupsReport;

/** The download endpoints over MockMvc, with a report service that answers the sample reports. */
class ExportControllerTest {

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        ReportService reports = new ReportService() {
            @Override
            public GroupsReport groups(int year, Integer half) {
                return SampleReports.groups();
            }

            @Override
            public AppealsReport appeals(int year) {
                return SampleReports.appeals();
            }
        };
        Clock clock = Clock.fixed(Instant.parse("2026-07-03T06:30:00Z"), ZoneId.of("Europe/Moscow"));
        mvc = MockMvcBuilders.standaloneSetup(new ExportController(reports, clock)).build();
    }

    @Test
    void groupsXlsx() throws Exception {
        MvcResult result = mvc.perform(get("/api/reports/groups.xlsx").param("year", "2026").param("half", "1"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition",
                        startsWith("attachment; filename=\"groups-2026-h1.xlsx\"; "
                                + "filename*=UTF-8''%D0%A0%D0%B0%D0%B1%D0%BE%D1%82%D0%B0")))
                .andReturn();
        byte[] body = result.getResponse().getContentAsByteArray();
        assertThat(body).startsWith('P', 'K');
    }

    @Test
    void groupsPdfForTheWholeYear() throws Exception {
        MvcResult result = mvc.perform(get("/api/reports/groups.pdf").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition",
                        startsWith("attachment; filename=\"groups-2026.pdf\"; filename*=")))
                .andReturn();
        assertThat(new String(result.getResponse().getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void appealsXlsxAndPdf() throws Exception {
        mvc.perform(get("/api/reports/appeals.xlsx").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        startsWith("attachment; filename=\"appeals-2026.xlsx\"")));
        mvc.perform(get("/api/reports/appeals.pdf").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition",
                        containsString("filename*=UTF-8''%D0%90%D0%BD%D0%B0%D0%BB%D0%B8%D0%B7")));
    }

    @Test
    void yearDefaultsToTheCurrentOne() throws Exception {
        mvc.perform(get("/api/reports/appeals.pdf"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", startsWith("attachment; filename=\"appeals-2026.pdf\"")));
    }
}
