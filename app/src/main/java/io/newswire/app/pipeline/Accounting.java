package io.newswire.app.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.newswire.producer.publish.Trace;
import io.newswire.schema.DedupDecision;
import io.newswire.streams.PipelineConfig;

/**
 * Checks that every input of a run came out exactly once: as routed copies (one per route topic, each at most
 * once), or as one duplicate decision, or as one dead letter — never in two of these, never twice in one topic.
 * Routed items also have their decision (new, update, translation) on the duplicates topic: that record says why,
 * it is not a second outcome. Outputs are matched to inputs by their {@link Trace} header.
 */
public final class Accounting {

    /** Where one input ended up. */
    public enum Outcome { ROUTED, DUPLICATE, DEAD_LETTER }

    private final Map<String, Outcome> outcomeByTrace = new LinkedHashMap<>();
    private final Map<String, Set<String>> topicsByTrace = new LinkedHashMap<>();
    private final List<String> violations = new ArrayList<>();
    private final Set<String> duplicated = new TreeSet<>();

    /** Accounts the records of run {@code runId} among {@code records}. */
    public static Accounting of(final String runId, final List<CollectedRecord> records, final PipelineConfig config) {
        final Accounting accounting = new Accounting();
        for (final CollectedRecord record : records) {
            if (Trace.ofRun(record.trace(), runId)) {
                accounting.add(record, outcomeOf(record, config));
            }
        }
        accounting.checkGeneralIsExclusive(config.topics().general(), config.topics().duplicates());
        return accounting;
    }

    /** Accounts every traced record among {@code records}, whatever run it came from. */
    public static Accounting ofAll(final List<CollectedRecord> records, final PipelineConfig config) {
        final Accounting accounting = new Accounting();
        records.stream().filter(record -> record.trace() != null)
            .forEach(record -> accounting.add(record, outcomeOf(record, config)));
        accounting.checkGeneralIsExclusive(config.topics().general(), config.topics().duplicates());
        return accounting;
    }

    /** news.general is for items that matched no route: an item there and in a route topic came out twice. */
    private void checkGeneralIsExclusive(final String general, final String decisions) {
        topicsByTrace.forEach((trace, topics) -> {
            if (topics.contains(general) && topics.stream().filter(topic -> !topic.equals(decisions)).count() > 1) {
                violations.add("input " + trace + " came out in " + general + " and in " + topics);
                duplicated.add(trace);
            }
        });
    }

    /** The outcome a record stands for; null for the decision that accompanies a routed item. */
    private static Outcome outcomeOf(final CollectedRecord record, final PipelineConfig config) {
        final String topic = record.topic();
        if (topic.equals(config.topics().duplicates())) {
            return record.value() instanceof DedupDecision decision && !"duplicate".equals(decision.getDecision())
                ? null : Outcome.DUPLICATE;
        }
        if (topic.equals(config.topics().dlq())) {
            return Outcome.DEAD_LETTER;
        }
        return Outcome.ROUTED;
    }

    private void add(final CollectedRecord record, final Outcome outcome) {
        final String trace = record.trace();
        if (!topicsByTrace.computeIfAbsent(trace, t -> new TreeSet<>()).add(record.topic())) {
            violations.add("input " + trace + " (" + record.key() + ") came out twice in " + record.topic());
            duplicated.add(trace);
        }
        if (outcome == null) {
            return;
        }
        final Outcome earlier = outcomeByTrace.putIfAbsent(trace, outcome);
        if (earlier != null && earlier != outcome) {
            violations.add("input " + trace + " (" + record.key() + ") came out as " + earlier + " and as " + outcome);
            duplicated.add(trace);
        }
    }

    /** How many distinct inputs came out. */
    public int accounted() {
        return outcomeByTrace.size();
    }

    /** How many inputs had {@code outcome}. */
    public long count(final Outcome outcome) {
        return outcomeByTrace.values().stream().filter(outcome::equals).count();
    }

    /** Broken promises (an input out twice, or out as two things); empty when all is well. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** The inputs that came out more than once (twice in a topic, or as two outcomes). */
    public Set<String> duplicatedInputs() {
        return Set.copyOf(duplicated);
    }

    /** The traces seen, with their outcome. */
    public Map<String, Outcome> outcomes() {
        return Map.copyOf(outcomeByTrace);
    }
}
