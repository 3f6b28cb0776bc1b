package io.newswire.app.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.newswire.app.Console;
import io.newswire.producer.InputReader;
import io.newswire.producer.ItemSink;
import io.newswire.producer.parse.JsonlParser;
import io.newswire.producer.parse.TranscriptParser;
import io.newswire.producer.source.InputScanner;
import io.newswire.producer.source.Rejection;
import io.newswire.schema.WireItem;
import io.newswire.schema.serde.NewswireSerdes;

/**
 * The items a bench publishes, read, parsed and encoded once before anything is measured, with the producer's
 * {@link InputReader} as {@code newswire run} reads them: each item's id and the value newswire's producer would
 * send (single-object encoded WireItem). Rejected files and lines are left out; so is an item whose id came before,
 * because every measurement follows items by id.
 */
public final class BenchInput {

    /** One item as published: key and value. */
    public record Item(String id, byte[] value) {
    }

    private final List<Item> items;
    private final long rejected;
    private final long repeatedIds;

    private BenchInput(final List<Item> items, final long rejected, final long repeatedIds) {
        this.items = List.copyOf(items);
        this.rejected = rejected;
        this.repeatedIds = repeatedIds;
    }

    /**
     * Reads {@code inputs} and keeps the first {@code maxItems} items with distinct ids.
     *
     * @param maxItemBytes the largest input item accepted ({@code newswire.input.max.bytes})
     * @param rawTopic     the topic the items are encoded for: in schema registry mode their schema is registered
     *                     under its subject once, and every phase's raw topic reads the same schema id
     */
    public static BenchInput read(final List<Path> inputs, final int maxItems, final long maxItemBytes,
                                  final NewswireSerdes serdes, final String rawTopic, final Console console) {
        final InputReader reader = new InputReader(new InputScanner(maxItemBytes),
            new TranscriptParser(Clock.systemUTC()), new JsonlParser(Clock.systemUTC()));
        final List<Item> items = new ArrayList<>();
        final Set<String> ids = new HashSet<>();
        final long[] rejectedAndRepeated = new long[2];
        reader.readAll(inputs, new ItemSink() {
            @Override
            public void item(final WireItem item) {
                if (items.size() >= maxItems) {
                    return;
                }
                if (ids.add(item.getId())) {
                    items.add(new Item(item.getId(), serdes.wireItem().encodeFor(rawTopic, item)));
                } else {
                    rejectedAndRepeated[1]++;
                }
            }

            @Override
            public void rejected(final Rejection rejection) {
                rejectedAndRepeated[0]++;
                console.note("left out %s", rejection.describe());
            }
        }, console.fileProgress("reading the input"));
        console.endProgressLine();
        return new BenchInput(items, rejectedAndRepeated[0], rejectedAndRepeated[1]);
    }

    public List<Item> items() {
        return items;
    }

    /** The first {@code count} items (all of them when there are fewer). */
    public List<Item> first(final int count) {
        return items.subList(0, Math.min(count, items.size()));
    }

    public int size() {
        return items.size();
    }

    /** Files and lines the reader rejected (left out). */
    public long rejected() {
        return rejected;
    }

    /** Items left out because an earlier item had their id. */
    public long repeatedIds() {
        return repeatedIds;
    }

    /** The mean size of an encoded item, in bytes. */
    public double meanValueBytes() {
        return items.stream().mapToInt(item -> item.value().length).average().orElse(0);
    }
}
