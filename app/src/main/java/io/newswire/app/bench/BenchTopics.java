package io.newswire.app.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import io.newswire.streams.PipelineConfig;
import io.newswire.streams.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates a run's input and output topics (the run's partitions, the configured replication, newswire's
 * max.message.bytes) before it starts, and deletes all its topics, Kafka Streams' internal ones included, after
 * it was measured.
 */
final class BenchTopics {

    private static final long TIMEOUT_SECONDS = 60;

    private final Admin admin;

    BenchTopics(final Admin admin) {
        this.admin = admin;
    }

    void create(final RunNames names) {
        final PipelineConfig config = names.config();
        final Optional<Short> replication = config.replicationFactor() == PipelineConfig.BROKER_DEFAULT_REPLICATION
            ? Optional.empty() : Optional.of(config.replicationFactor());
        final List<NewTopic> topics = names.createdTopics().stream()
            .map(name -> new NewTopic(name, Optional.of(config.partitions()), replication)
                .configs(TopicProvisioner.configsOf(name, config)))
            .toList();
        try {
            admin.createTopics(topics).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            awaitLeaders(names.createdTopics());
        } catch (final ExecutionException e) {
            throw new IllegalStateException("cannot create the topics of " + names.applicationId() + ": "
                + e.getCause().getMessage() + " (the bench creates its own topics: the cluster must allow it)",
                e.getCause());
        } catch (final TimeoutException e) {
            throw new IllegalStateException("Kafka did not create the topics of " + names.applicationId()
                + " within " + TIMEOUT_SECONDS + " s; check --bootstrap-servers", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /**
     * Waits until every partition of {@code topics} has a leader: a client that asks for the partitions of a topic
     * created a moment ago may otherwise be told of none.
     */
    private void awaitLeaders(final List<String> topics) throws ExecutionException, TimeoutException,
        InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                final Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (described.values().stream().allMatch(topic -> topic.partitions().stream()
                    .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty()))) {
                    return;
                }
            } catch (final ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the partitions of " + topics + " have no leader yet");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** Deletes {@code topics}; a failure is reported, not thrown: the figures are already taken. */
    void delete(final List<String> topics, final io.newswire.app.Console console) {
        try {
            admin.deleteTopics(topics).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (final ExecutionException | TimeoutException e) {
            console.note("could not delete the bench topics %s: %s", topics, e.getMessage());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
