package io.newswire.app.cli;

import static io.newswire.app.cli.CapturedRun.newswire;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newswire.streams.PipelineConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code newswire demo} end to end: it starts its own embedded broker (the one test that does), runs the bundled
 * samples and prints, per output topic, a {@code == <topic> (n)} header and one line per record.
 */
class DemoCommandIT {

    private static final String SEED_TITLE = "Russia/Kazakistan - Incontro tra Putin e Tokayev";
    /** {@code <id> duplicate of <id>: <reason>}, as ReportPrinter shows a decision. */
    private static final Pattern DUPLICATE_LINE = Pattern.compile("(\\S+) duplicate of (\\S+) \\(story \\S+\\): .*");
    /** The demo runs on the default config: every route topic and news.general. */
    private static final List<String> ROUTED_TOPICS = PipelineConfig.defaults().outputTopics().stream()
        .filter(topic -> !topic.equals("news.duplicates") && !topic.equals("news.dlq")).toList();

    private static CapturedRun demo;

    /** One demo for every test: it takes ten seconds or more. */
    @BeforeAll
    static void runTheDemo() {
        demo = newswire("demo");
    }

    @Test
    void shouldExitZero() {
        assertThat(demo.exitCode()).as(demo.toString()).isZero();
        assertThat(demo.out()).doesNotContain("INCOMPLETE").doesNotContain("NOT EXACTLY ONCE");
    }

    @Test
    void shouldShowTheSeedUnderSecurityAndTrade() {
        assertThat(section("news.security")).as(demo.toString()).anyMatch(line -> line.contains(SEED_TITLE));
        assertThat(section("news.trade")).as(demo.toString()).anyMatch(line -> line.contains(SEED_TITLE));
        assertThat(section("news.general")).as(demo.toString()).noneMatch(line -> line.contains(SEED_TITLE));
    }

    @Test
    void shouldShowOneOfTheOriginalAndTheResentCopyAsADuplicateOfTheOtherAndRouteItNowhere() {
        final List<String> decisions = section("news.duplicates").stream()
            .filter(line -> DUPLICATE_LINE.matcher(line.strip()).matches()).toList();

        assertThat(decisions).as(demo.toString()).hasSize(1);
        final Matcher decision = DUPLICATE_LINE.matcher(decisions.get(0).strip());
        assertThat(decision.matches()).as(decisions.get(0)).isTrue();
        assertThat(List.of(decision.group(1), decision.group(2))).containsExactlyInAnyOrder("mirror-17591", "17591");
        assertThat(section("news.security")).as("the item kept")
            .anyMatch(line -> line.strip().startsWith(decision.group(2) + " "));
        for (final String topic : ROUTED_TOPICS) {
            assertThat(section(topic)).as("the duplicate in " + topic)
                .noneMatch(line -> line.strip().startsWith(decision.group(1) + " "));
        }
    }

    @Test
    void shouldShowTheResentCopyAsTheDuplicateOfTheOriginal() {
        assertThat(section("news.duplicates")).as(demo.toString())
            .anyMatch(line -> line.contains("mirror-17591 duplicate of 17591"));
        assertThat(section("news.security")).noneMatch(line -> line.strip().startsWith("mirror-17591 "));
    }

    /** The record lines under {@code == topic (n)}, up to the next blank line; fails when there is no such header. */
    private static List<String> section(final String topic) {
        final List<String> lines = new ArrayList<>();
        boolean inSection = false;
        boolean found = false;
        for (final String line : demo.out().split("\\R")) {
            if (line.startsWith("== ")) {
                inSection = line.startsWith("== " + topic + " (");
                found |= inSection;
            } else if (line.isBlank()) {
                inSection = false;
            } else if (inSection) {
                lines.add(line);
            }
        }
        assertThat(found).as("a '== " + topic + "' section in\n" + demo).isTrue();
        return lines;
    }
}
