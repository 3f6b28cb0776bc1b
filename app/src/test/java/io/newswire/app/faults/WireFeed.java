package io.newswire.app.faults;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.producer.parse.JsonlParser;
import io.newswire.producer.parse.ParseException;
import io.newswire.producer.publish.PublishSummary;
import io.newswire.producer.publish.WirePublisher;
import io.newswire.schema.WireItem;
import io.newswire.streams.PipelineConfig;

/**
 * A paced stream of distinct wire items for the fault tests, published by newswire's own publisher (idempotent,
 * traced) on a background thread while the test breaks things. Items are made from a seeded generator, so each run
 * sends the same ones: a tenth are re-sends of an earlier item under a new id (duplicates to decide), and a few
 * re-use an earlier id with new text (updates of one key, whose order the verifier checks).
 */
final class WireFeed implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PLACES = {"Moscow", "Astana", "Minsk", "Baku", "Yerevan", "Tashkent", "Bishkek",
        "Dushanbe", "Tbilisi", "Kiev", "Ankara", "Tehran", "Beijing", "Delhi", "Cairo", "Brasilia"};
    private static final String[] SUBJECTS = {"The Defence Minister", "The Security Council", "The Central Bank",
        "The Trade Ministry", "The Energy Minister", "The Health Ministry", "The Foreign Minister",
        "The Sports Committee", "The Prime Minister", "The Governor"};
    private static final String[] VERBS = {"reported on", "discussed", "announced", "reviewed", "proposed",
        "criticised", "approved", "postponed", "welcomed", "examined"};
    private static final String[] OBJECTS = {"military exercises near the border", "gas supplies through the pipeline",
        "grain exports and customs duties", "the interest rate and inflation", "a vaccination campaign in schools",
        "the football championship final", "counter-terrorism cooperation", "oil production quotas",
        "bilateral trade turnover", "a new hospital programme", "sanctions and the exchange rate",
        "air defence systems", "a nuclear power plant project", "the budget deficit", "the Olympic team"};

    private final List<WireItem> items;
    private final WirePublisher publisher;
    private final String runId;
    private final AtomicInteger sent = new AtomicInteger();
    private CompletableFuture<PublishSummary> publishing;

    private WireFeed(final List<WireItem> items, final WirePublisher publisher, final String runId) {
        this.items = items;
        this.publisher = publisher;
        this.runId = runId;
    }

    /** {@code count} items for the pipeline of {@code config} on {@code bootstrapServers}, traced as {@code runId}. */
    static WireFeed of(final int count, final String bootstrapServers, final PipelineConfig config,
                       final String runId) {
        // Long enough to ride out a broker bounce: the publisher retries until Kafka takes every item.
        final WirePublisher publisher = WirePublisher.connect(bootstrapServers, "fault-feed-" + runId,
            config.topics(), Map.of("delivery.timeout.ms", "300000", "request.timeout.ms", "10000"));
        publisher.traceAs(runId);
        return new WireFeed(generate(count), publisher, runId);
    }

    static List<WireItem> generate(final int count) {
        final Random random = new Random(20_261_204L);
        final JsonlParser parser = new JsonlParser(Clock.systemUTC());
        final List<ObjectNode> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final ObjectNode line;
            if (i > 20 && i % 10 == 0) {
                line = lines.get(random.nextInt(i)).deepCopy();
                line.put("id", "fault-" + i);
            } else {
                line = JSON.createObjectNode();
                line.put("id", i > 20 && i % 97 == 0 ? lines.get(random.nextInt(i)).get("id").asText() : "fault-" + i);
                line.put("title", pick(random, SUBJECTS) + " " + pick(random, VERBS) + " " + pick(random, OBJECTS)
                    + " (" + i + ")");
                line.put("place", pick(random, PLACES));
                line.put("date", "2026-11-" + (10 + random.nextInt(18)));
                final var paragraphs = line.putArray("paragraphs");
                for (int p = 0; p < 3 + random.nextInt(3); p++) {
                    paragraphs.add(sentence(random) + " " + sentence(random) + " Figures: " + random.nextInt(100_000)
                        + " and " + random.nextInt(1_000) + " per cent in item " + i + ".");
                }
            }
            lines.add(line);
        }
        final List<WireItem> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                items.add(parser.parseLine("fault-feed.jsonl", i + 1, lines.get(i).toString()));
            } catch (final ParseException e) {
                throw new IllegalStateException("the generator made an item newswire cannot parse: " + e.getMessage(),
                    e);
            }
        }
        return items;
    }

    private static String sentence(final Random random) {
        return pick(random, SUBJECTS) + " " + pick(random, VERBS) + " " + pick(random, OBJECTS) + " with officials from "
            + pick(random, PLACES) + ".";
    }

    private static String pick(final Random random, final String[] words) {
        return words[random.nextInt(words.length)];
    }

    /** Starts publishing at about {@code perSecond} items a second. */
    WireFeed start(final int perSecond) {
        publishing = CompletableFuture.supplyAsync(() -> {
            final long start = System.nanoTime();
            for (final WireItem item : items) {
                publisher.publish(item);
                final long due = start + TimeUnit.SECONDS.toNanos(sent.incrementAndGet()) / perSecond;
                final long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
            return publisher.flush();
        }, runnable -> new Thread(runnable, "fault-feed").start());
        return this;
    }

    int sent() {
        return sent.get();
    }

    int size() {
        return items.size();
    }

    String runId() {
        return runId;
    }

    /** Waits until Kafka has taken every item; the summary says how many it took. */
    PublishSummary awaitPublished(final long seconds) throws Exception {
        return publishing.get(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
