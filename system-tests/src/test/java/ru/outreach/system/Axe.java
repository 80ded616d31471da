package ru.outreach.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.openqa.selenium.chrome.ChromeDriver;

import tools.jackson.databind.JsonNode;

/**
 * axe-core, the accessibility engine, run inside the page the browser shows: {@code axe.min.js} from the WebJar
 * {@code org.webjars.npm:axe-core} (a test dependency of this module, so the version is the pom's) is put into the
 * page, then {@code axe.run} checks the whole document with its default rules (WCAG 2.0/2.1 A and AA, best practices).
 * What counts as a failure: a violation of impact {@code serious} or {@code critical}, and any violation of the rules
 * that every form field has a name ({@code label}, {@code select-name}) whatever its impact.
 */
final class Axe {

    private static final String WEBJAR = "META-INF/resources/webjars/axe-core/";
    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";
    /** Every form field has a label: inputs and text areas, and selects. */
    static final Set<String> LABEL_RULES = Set.of("label", "select-name");
    static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    static final String VERSION = version();
    private static final String SOURCE = source();

    /** One rule broken on one element of a page. */
    record Violation(String page, String rule, String impact, String help, String target, String summary) {

        boolean fails() {
            return FAILING_IMPACTS.contains(impact) || LABEL_RULES.contains(rule);
        }

        @Override
        public String toString() {
            return "[" + impact + "] " + rule + " (" + help + ") at " + target + " on " + page
                    + (summary.isBlank() ? "" : "\n      " + summary.replace("\n", "\n      "));
        }
    }

    private Axe() {
    }

    /** Every violation that axe finds in the page shown now; {@code page} names it in the report. */
    static List<Violation> check(ChromeDriver driver, String page) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.executeScript(SOURCE);
        String answer = (String) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(result => done(JSON.stringify(result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => ({target: n.target.flat().join(' '), impact: n.impact || v.impact,
                                              summary: n.failureSummary || ''}))
                  })))))
                  .catch(e => done(JSON.stringify({error: String(e)})));
                """);
        JsonNode result = Http.JSON.readTree(answer);
        if (result.isObject()) {
            throw new IllegalStateException("axe-core failed on " + page + ": " + result.path("error").asString());
        }
        List<Violation> violations = new ArrayList<>();
        for (JsonNode rule : result) {
            for (JsonNode node : rule.path("nodes")) {
                violations.add(new Violation(page, rule.path("id").asString(), node.path("impact").asString(""),
                        rule.path("help").asString(), node.path("target").asString(), node.path("summary").asString()));
            }
        }
        return violations;
    }

    private static String version() {
        try (InputStream in = resource(POM_PROPERTIES)) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String source() {
        try (InputStream in = resource(WEBJAR + VERSION + "/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Axe.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("No " + name + " on the class path: the test dependency "
                    + "org.webjars.npm:axe-core (system-tests/pom.xml) is missing");
        }
        return in;
    }
}
