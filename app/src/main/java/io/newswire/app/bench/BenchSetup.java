package io.newswire.app.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import io.newswire.app.Console;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.enrich.Enricher;

/**
 * What every run of a bench shares: one Kafka, the user's config, one loaded enricher, and the bench's settings.
 *
 * @param benchId    tells this bench's topics and application ids apart from any other's
 * @param kafka      client settings, bootstrap.servers included
 * @param base       the user's pipeline config; each run renames its topics and application id
 * @param stateRoot  folder under which each run keeps its Kafka Streams state
 * @param partitions partitions of every topic a run creates
 * @param threads    Kafka Streams stream threads ({@code num.stream.threads})
 * @param silence    a run fails when no further item has been accounted for for this long
 */
public record BenchSetup(String benchId, Properties kafka, PipelineConfig base, NewswireSerdes serdes,
                         Enricher enricher, Path stateRoot, int partitions, int threads, Duration silence,
                         Console console) {
}
