package io.newswire.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.newswire.streams.PipelineConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The stage rows, the in-memory history and the status page, from readings made by hand. */
class StatusViewsTest {

    private static final PipelineConfig CONFIG = PipelineConfig.defaults();

    private static LagJudge.Judged row(final String group, final String stage, final String topic, final int partition,
                                       final long lag, final double seconds, final LagStatus status,
                                       final double rate) {
        final PartitionLag reading = new PartitionLag(group, stage, new TopicPartition(topic, partition), "id", 10,
            10 + lag, 10 + lag, lag, lag == 0 ? -1 : 1_000, seconds, true, 2_000);
        return new LagJudge.Judged(reading, status, rate, lag == 0 ? 0 : lag / rate);
    }

    @Test
    void shouldSumStagesOverPartitionsAndListThemInFlowOrder() {
        final List<StageLag> stages = StageLag.of(List.of(
            row("desk", "output news.security", "news.security", 0, 7, 3.0, LagStatus.WARN, 1.0),
            row("newswire", "dedup-requests", "newswire-dedup-requests-repartition", 0, 2, 0.1, LagStatus.OK, 50),
            row("newswire", "input", "news.raw", 1, 5, 2.5, LagStatus.STALL, 2.0),
            row("newswire", "input", "news.raw", 0, 3, 4.0, LagStatus.OK, 1.0),
            row("archive", "output news.general", "news.general", 0, 0, 0, LagStatus.OK, 0.5)), CONFIG);

        assertThat(stages).extracting(StageLag::stage).containsExactly("input", "dedup-requests",
            "output news.security", "output news.general");
        final StageLag input = stages.get(0);
        assertThat(input.partitions()).isEqualTo(2);
        assertThat(input.lagRecords()).isEqualTo(8);
        assertThat(input.lagSeconds()).as("the oldest partition's").isEqualTo(4.0);
        assertThat(input.consumedPerSecond()).isEqualTo(3.0);
        assertThat(input.secondsToCatchUp()).as("the slowest partition's").isEqualTo(3.0);
        assertThat(input.status()).as("the worst").isEqualTo(LagStatus.STALL);
    }

    @Test
    void shouldRankStatusesFromOkToError() {
        assertThat(StageLag.worse(LagStatus.WARN, LagStatus.STOP)).isEqualTo(LagStatus.STOP);
        assertThat(StageLag.worse(LagStatus.REWIND, LagStatus.WARN)).isEqualTo(LagStatus.WARN);
        assertThat(StageLag.worse(LagStatus.ERROR, LagStatus.STOP)).isEqualTo(LagStatus.ERROR);
        assertThat(StageLag.worse(LagStatus.OK, LagStatus.REWIND)).isEqualTo(LagStatus.REWIND);
    }

    @Test
    void shouldKeepThirtyMinutesOfPointsAndForgetSeriesThatStopped() {
        final Timeline timeline = new Timeline(Duration.ofMinutes(30));
        for (long minute = 0; minute <= 40; minute++) {
            timeline.add("a", minute * 60_000, minute);
        }
        timeline.add("b", 0, 1);
        assertThat(timeline.points("a")).hasSize(31);
        assertThat(timeline.points("a").get(0).value()).isEqualTo(10.0);
        timeline.sweep(40 * 60_000);
        assertThat(timeline.points("b")).isEmpty();
        assertThat(timeline.points("a")).isNotEmpty();
    }

    @Test
    void shouldEscapeWhatComesFromKafkaAndDrawAChartPerSeries() {
        assertThat(StatusPage.escape("<a href=\"x\">&'")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
        final StringBuilder html = new StringBuilder();
        StatusPage.chart(html, "in /s", List.of(new Timeline.Point(0, 0), new Timeline.Point(60_000, 10)),
            1_800_000, "#000");
        assertThat(html.toString()).contains("<svg").contains("<polyline").contains("max 10").contains("now 10");
        final StringBuilder empty = new StringBuilder();
        StatusPage.chart(empty, null, List.of(), 1_800_000, "#000");
        assertThat(empty.toString()).contains("no data yet").doesNotContain("<polyline");
    }

    @Test
    void shouldRenderAPageWithoutALagReaderForTheProducer() {
        final String page = StatusPage.render("produce", Health.UP, null, Map.of("items in", 3.0));
        assertThat(page).startsWith("<!DOCTYPE html>").contains("badge big OK").contains("/metrics")
            .doesNotContain("<script");
    }

    @Test
    void shouldReadTheOpsSettingsWithTheirDefaultsAndRejectBadOnes() {
        final OpsSettings defaults = OpsSettings.from(new Properties());
        assertThat(defaults.httpPort()).isNull();
        assertThat(defaults.portOr(null, 9400)).isEqualTo(9400);
        assertThat(defaults.portOr(-1, 9400)).isEqualTo(-1);
        assertThat(defaults.refresh()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.window()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.readyLag()).isEqualTo(Duration.ofSeconds(30));
        final Properties set = new Properties();
        set.setProperty("newswire.ops.http.port", "8080");
        set.setProperty("newswire.ops.lag.refresh", "1s");
        assertThat(OpsSettings.from(set).portOr(null, 9400)).isEqualTo(8080);
        assertThat(OpsSettings.from(set).refresh()).isEqualTo(Duration.ofSeconds(1));
        final Properties bad = new Properties();
        bad.setProperty("newswire.ops.lag.refresh", "0s");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpsSettings.from(bad))
            .hasMessageContaining("newswire.ops.lag.refresh");
    }
}
