package io.newswire.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.newswire.schema.config.Limits;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates newswire's topics (news.raw and every output topic) when they are missing, with the configured partitions
 * and replication. Existing topics are left as they are. Streams' own internal topics are created by Kafka Streams.
 */
public final class TopicProvisioner {

    private final Admin admin;

    /**
     * What {@link #ensureTopics} did.
     *
     * @param created    the topics it created
     * @param notAllowed missing topics (or topics this principal may not see) that it may not create: under ACLs a
     *                   client sees only the topics it may use, and the cluster admin creates the others
     */
    public record Provisioned(List<String> created, List<String> notAllowed) {
    }

    public TopicProvisioner(final Admin admin) {
        this.admin = admin;
    }

    /**
     * The settings newswire creates one of its topics with: every record fits in {@code max.message.bytes}, and
     * news.raw stamps each record with the time the broker appended it ({@code LogAppendTime}), the event time by
     * which the dedup stage orders items. Broker time rises with each partition's offsets, whatever producers' clocks
     * or batching: an item can then be late behind its partition only by the time it takes to be read, which keeps
     * the grace short and the decisions the same on a replay (DEDUP.md).
     */
    public static Map<String, String> configsOf(final String topic, final PipelineConfig config) {
        final Map<String, String> configs = new java.util.LinkedHashMap<>();
        configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Limits.MAX_MESSAGE_BYTES));
        if (topic.equals(config.topics().raw())) {
            configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
        }
        return configs;
    }

    /**
     * How many partitions {@code topic} has, or 0 when it does not exist.
     *
     * @throws IllegalStateException naming the topic when Kafka does not answer in time or refuses
     */
    public int partitionsOf(final String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                .partitions().size();
        } catch (final ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0;
            }
            throw new IllegalStateException("cannot describe topic " + topic + ": " + e.getCause().getMessage()
                + " (check that the cluster is reachable and that this client may describe it)", e.getCause());
        } catch (final TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 30 s while describing " + topic
                + ": check --bootstrap-servers", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topic, e);
        }
    }

    /**
     * Creates the missing topics of {@code config} that this client may create.
     *
     * @throws IllegalStateException naming the topics and the cause when Kafka refuses for another reason than
     *                               authorization, or does not answer in time
     */
    public Provisioned ensureTopics(final PipelineConfig config) {
        final List<String> wanted = new ArrayList<>();
        wanted.add(config.topics().raw());
        wanted.addAll(config.outputTopics());
        try {
            final Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            final List<NewTopic> missing = new ArrayList<>();
            for (final String name : wanted) {
                if (!existing.contains(name)) {
                    final Optional<Short> replication = config.replicationFactor()
                        == PipelineConfig.BROKER_DEFAULT_REPLICATION ? Optional.empty()
                        : Optional.of(config.replicationFactor());
                    missing.add(new NewTopic(name, Optional.of(config.partitions()), replication)
                        .configs(configsOf(name, config)));
                }
            }
            final List<String> created = new ArrayList<>();
            final List<String> notAllowed = new ArrayList<>();
            for (final NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    created.add(topic.name());
                } catch (final ExecutionException e) {
                    if (e.getCause() instanceof TopicAuthorizationException) {
                        // A producer sees news.raw and news.dlq only: the outputs are hidden from it, not missing.
                        notAllowed.add(topic.name());
                    } else if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return new Provisioned(List.copyOf(created), List.copyOf(notAllowed));
        } catch (final ExecutionException e) {
            throw new IllegalStateException("cannot create topics " + wanted + ": " + e.getCause().getMessage()
                + " (check that the cluster is reachable and allows topic creation, or create them beforehand)",
                e.getCause());
        } catch (final TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 30 s while creating topics " + wanted
                + ": check --bootstrap-servers", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
