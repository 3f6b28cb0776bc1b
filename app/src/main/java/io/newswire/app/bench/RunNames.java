package io.newswire.app.bench;

import java.util.ArrayList;
import java.util.List;

import io.newswire.schema.config.TopicNames;
import io.newswire.streams.PipelineConfig;

/**
 * The names of one measured run, all fresh so that no run sees another's records, offsets or state: application id
 * {@code bench-<bench id>-<phase>} (saturation) or {@code bench-<bench id>-<phase>.<label>} (a fixed offered rate);
 * input {@code <application id>.raw}; outputs {@code <application id>.<route>}, {@code .general},
 * {@code .duplicates}, {@code .dlq} (the pass-through writes {@code .out}). Kafka Streams names its internal
 * topics {@code <application id>-…}, which a '.' before the label keeps apart from other runs' topics.
 *
 * @param phase             the topology of the run
 * @param config            the pipeline config of the run: the user's, with these names and the bench's partitions
 * @param passThroughOutput the output topic of the pass-through topology
 */
public record RunNames(BenchPhase phase, PipelineConfig config, String passThroughOutput) {

    /** What a topic of the run is. */
    public enum Role { INPUT, OUTPUT, DECISIONS, DEAD_LETTERS, REPARTITION, CHANGELOG, INTERNAL }

    /**
     * @param benchId    the id of this bench run
     * @param label      empty for the saturation run, else what tells this run apart (e.g. "50ps")
     * @param base       the user's pipeline config (routes, enrichment, dedup settings, replication)
     * @param partitions partitions of every topic the bench creates
     */
    public static RunNames of(final String benchId, final BenchPhase phase, final String label,
                              final PipelineConfig base, final int partitions) {
        final String applicationId = "bench-" + benchId + "-" + phase.label() + (label.isEmpty() ? "" : "." + label);
        final TopicNames topics = new TopicNames(applicationId + ".raw", applicationId + ".",
            applicationId + ".general", applicationId + ".duplicates", applicationId + ".dlq");
        final PipelineConfig config = new PipelineConfig(applicationId, topics, base.routes(), base.dedupWindow(),
            partitions, base.replicationFactor(), base.enrichment(), base.dedup(), base.fingerprint());
        return new RunNames(phase, config, applicationId + ".out");
    }

    public String applicationId() {
        return config.applicationId();
    }

    public String input() {
        return config.topics().raw();
    }

    /** The topics the run's topology writes its results to (created by the bench before the run). */
    public List<String> outputs() {
        return switch (phase) {
            case PASSTHROUGH -> List.of(passThroughOutput);
            case STATELESS -> {
                final List<String> topics = new ArrayList<>();
                config.routes().keySet().forEach(route -> topics.add(config.topics().route(route)));
                topics.add(config.topics().general());
                topics.add(config.topics().dlq());
                yield List.copyOf(topics);
            }
            case WHOLE -> config.outputTopics();
        };
    }

    /** The input and the outputs: the topics the bench creates for the run. */
    public List<String> createdTopics() {
        final List<String> topics = new ArrayList<>();
        topics.add(input());
        topics.addAll(outputs());
        return topics;
    }

    /** Whether {@code topic} belongs to this run: one it created, or one Kafka Streams created for it. */
    public boolean owns(final String topic) {
        return createdTopics().contains(topic) || topic.startsWith(applicationId() + "-");
    }

    /** What {@code topic}, one of the run's, is. */
    public Role roleOf(final String topic) {
        if (topic.equals(input())) {
            return Role.INPUT;
        }
        if (topic.startsWith(applicationId() + "-")) {
            return topic.endsWith("-repartition") ? Role.REPARTITION
                : topic.endsWith("-changelog") ? Role.CHANGELOG : Role.INTERNAL;
        }
        if (phase != BenchPhase.PASSTHROUGH && topic.equals(config.topics().duplicates())) {
            return Role.DECISIONS;
        }
        if (phase != BenchPhase.PASSTHROUGH && topic.equals(config.topics().dlq())) {
            return Role.DEAD_LETTERS;
        }
        return Role.OUTPUT;
    }
}
