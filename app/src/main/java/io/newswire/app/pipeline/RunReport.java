package io.newswire.app.pipeline;

import java.util.List;
import java.util.Map;

import io.newswire.producer.publish.PublishSummary;

/**
 * What one run did: what was published, where every input ended up, and how long it took.
 *
 * @param runId            the run's trace id
 * @param published        the producer's summary
 * @param expected         inputs that must come out (items published plus rejections dead-lettered)
 * @param accounting       where they came out
 * @param records          the output records of this run, in the order read
 * @param countsByTopic    records of this run per output topic
 * @param secondsToFirstRoute seconds from the first publish to the first routed record, or -1 if none
 * @param seconds          seconds from the first publish until every input was accounted for (or the timeout)
 * @param secondsBeforePublishing seconds from the JVM's start to the first publish (broker, models, topology)
 * @param delivery         the verifier's check of the topics once the topology stopped, or null when not checked
 */
public record RunReport(String runId, PublishSummary published, long expected, Accounting accounting,
                        List<CollectedRecord> records, Map<String, Long> countsByTopic, double secondsToFirstRoute,
                        double seconds, double secondsBeforePublishing, DeliveryReport delivery) {

    /** True when every input came out exactly once and Kafka took everything. */
    public boolean complete() {
        return accounting.accounted() == expected && accounting.violations().isEmpty() && published.allPublished()
            && (delivery == null || delivery.holds());
    }

    /** This report with the verifier's figures. */
    public RunReport verified(final DeliveryReport check) {
        return new RunReport(runId, published, expected, accounting, records, countsByTopic, secondsToFirstRoute,
            seconds, secondsBeforePublishing, check);
    }

    /** Inputs per second, publish to last output. */
    public double itemsPerSecond() {
        return seconds <= 0 ? 0 : accounting.accounted() / seconds;
    }
}
