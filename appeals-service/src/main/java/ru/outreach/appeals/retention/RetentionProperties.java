package ru.outreach.appeals.retention;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the citizen's details and the texts of an appeal are kept (152-FZ art. 5 p. 7; the nomenclature of cases
 * keeps citizens' appeals 5 years), and when the job looks for appeals past it.
 *
 * @param period how long after the answer (or the last step of an appeal without one)
 * @param cron   when the job runs (Spring cron, the administration's zone); {@code -} switches the schedule off
 */
@ConfigurationProperties("outreach.appeals.retention")
record RetentionProperties(@DefaultValue("P5Y") Period period, @DefaultValue("0 30 2 * * *") String cron) {
}
