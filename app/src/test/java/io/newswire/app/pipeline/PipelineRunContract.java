package io.newswire.app.pipeline;

import static io.newswire.app.pipeline.TestInputs.anInputFolder;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import io.newswire.app.Console;
import io.newswire.producer.source.InputScanner;
import io.newswire.schema.DeadLetter;
import io.newswire.schema.DedupDecision;
import io.newswire.schema.EnrichedItem;
import io.newswire.streams.PipelineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files → producer → topology → read_committed consumer on a real Kafka: every input accounted for exactly once.
 * Runs against each Kafka a subclass provides (the embedded broker; Testcontainers' apache/kafka with Docker).
 */
abstract class PipelineRunContract {

    @TempDir
    Path temp;

    /** bootstrap.servers of the Kafka to run on. */
    abstract String bootstrapServers();

    @Test
    void shouldAccountForEveryInputExactlyOnce() {
        final TestInputs inputs = anInputFolder(temp.resolve("in")).withSeed().withCorpusItems(4)
            .withCopyOfFirstCorpusItem().withBrokenLine().withBinaryFile().build();
        final Properties settings = TestInputs.isolatedTopics();
        final PipelineConfig config = PipelineConfig.fromProperties(settings);

        final RunReport report = run(config, inputs.dir());

        assertThat(report.accounting().violations()).isEmpty();
        assertThat(report.expected()).isEqualTo(inputs.items() + inputs.rejects());
        assertThat(report.accounting().accounted()).isEqualTo(report.expected());
        assertThat(report.accounting().count(Accounting.Outcome.DUPLICATE)).isEqualTo(inputs.duplicates());
        assertThat(report.accounting().count(Accounting.Outcome.DEAD_LETTER)).isEqualTo(inputs.rejects());
        assertThat(report.accounting().count(Accounting.Outcome.ROUTED))
            .isEqualTo(inputs.items() - inputs.duplicates());
        assertThat(report.complete()).isTrue();
    }

    @Test
    void shouldRouteTheSeedToSecurityAndTradeAndRecordTheDuplicate() {
        final TestInputs inputs = anInputFolder(temp.resolve("in")).withSeed().withCorpusItems(1)
            .withCopyOfFirstCorpusItem().withBrokenLine().build();
        final PipelineConfig config = PipelineConfig.fromProperties(TestInputs.isolatedTopics());

        final RunReport report = run(config, inputs.dir());

        assertThat(titlesIn(report, config.topics().route("security")))
            .contains("Russia/Kazakistan - Incontro tra Putin e Tokayev");
        assertThat(titlesIn(report, config.topics().route("trade")))
            .contains("Russia/Kazakistan - Incontro tra Putin e Tokayev");
        final List<DedupDecision> decisions = valuesIn(report, config.topics().duplicates(), DedupDecision.class);
        assertThat(decisions).as("one decision per item that got through parsing").hasSize(3);
        // The copy published second is the duplicate, whichever partitions their ids hash to: within the grace
        // period the earlier event time wins, not the order in which they reach the decider.
        final String original = TestInputs.firstCorpusItemId();
        assertThat(decisions).filteredOn(decision -> "duplicate".equals(decision.getDecision())).singleElement()
            .satisfies(decision -> {
            assertThat(decision.getId()).isEqualTo("copy-of-" + original);
            assertThat(decision.getDuplicateOf()).isEqualTo(original);
            assertThat(decision.getDecision()).isEqualTo("duplicate");
            assertThat(report.records()).filteredOn(record -> record.value() instanceof EnrichedItem)
                .extracting(CollectedRecord::key).contains(decision.getDuplicateOf())
                .doesNotContain(decision.getId());
        });
        final List<DeadLetter> deadLetters = valuesIn(report, config.topics().dlq(), DeadLetter.class);
        assertThat(deadLetters).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.getStage()).isEqualTo("parse");
            assertThat(deadLetter.getOrigin()).isEqualTo("items.jsonl:3");
        });
    }

    private RunReport run(final PipelineConfig config, final Path inputs) {
        final Properties kafka = new Properties();
        kafka.setProperty("bootstrap.servers", bootstrapServers());
        final Console quiet = new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
        return new PipelineRun(config, kafka, quiet, temp.resolve("state"), null, InputScanner.DEFAULT_MAX_ITEM_BYTES)
            .run(List.of(inputs), Duration.ofMinutes(2));
    }

    private static Set<String> titlesIn(final RunReport report, final String topic) {
        return valuesIn(report, topic, EnrichedItem.class).stream().map(EnrichedItem::getTitle)
            .collect(Collectors.toSet());
    }

    private static <T> List<T> valuesIn(final RunReport report, final String topic, final Class<T> type) {
        return report.records().stream().filter(record -> record.topic().equals(topic))
            .map(record -> type.cast(record.value())).toList();
    }
}
