package io.newswire.streams.dedup;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.newswire.schema.DedupSketch;

/**
 * Builds {@link DedupSketch}es for tests, from a text as the {@link Sketcher} would see it:
 * {@code aSketch("b").at(5_000).of(aKremlinItem(59513).text()).inLanguage("en").build()}. Signature and words come
 * from the text with the default fingerprint settings; the content hash from the text unless set.
 */
final class SketchBuilder {

    static final FingerprintSettings SETTINGS = FingerprintSettings.defaults();
    private static final Fingerprinter FINGERPRINTER = new Fingerprinter(SETTINGS);

    private final String id;
    private long eventTime;
    private int partition;
    private long offset;
    private long arrivalWatermark;
    private String language = "en";
    private String text = "";
    private String contentHash;
    private String url;
    private List<String> numbers = List.of();
    private List<String> names = List.of();
    private List<String> eventKeys = List.of();
    private boolean corrected;
    private String decision;
    private String story;

    private SketchBuilder(final String id) {
        this.id = id;
    }

    static SketchBuilder aSketch(final String id) {
        return new SketchBuilder(id);
    }

    SketchBuilder at(final long millis) {
        this.eventTime = millis;
        return this;
    }

    SketchBuilder from(final int sourcePartition, final long sourceOffset) {
        this.partition = sourcePartition;
        this.offset = sourceOffset;
        return this;
    }

    SketchBuilder arrivedAt(final long watermark) {
        this.arrivalWatermark = watermark;
        return this;
    }

    SketchBuilder inLanguage(final String code) {
        this.language = code;
        return this;
    }

    SketchBuilder of(final String words) {
        this.text = words;
        return this;
    }

    SketchBuilder withContentHash(final String hash) {
        this.contentHash = hash;
        return this;
    }

    SketchBuilder at(final String sourceUrl) {
        this.url = sourceUrl;
        return this;
    }

    SketchBuilder withNumbers(final String... values) {
        this.numbers = List.of(values);
        return this;
    }

    SketchBuilder naming(final String... values) {
        this.names = List.of(values);
        return this;
    }

    SketchBuilder withEventKeys(final String... keys) {
        this.eventKeys = List.of(keys);
        return this;
    }

    SketchBuilder corrected() {
        this.corrected = true;
        return this;
    }

    SketchBuilder decided(final String how, final String storyId) {
        this.decision = how;
        this.story = storyId;
        return this;
    }

    DedupSketch build() {
        return DedupSketch.newBuilder()
            .setId(id)
            .setEventTime(eventTime)
            .setSourcePartition(partition)
            .setSourceOffset(offset)
            .setArrivalWatermark(arrivalWatermark)
            .setLanguage(language)
            .setContentHash(Postings.hash("content", contentHash != null ? contentHash : text))
            .setSourceUrl(url)
            .setSignature(ByteBuffer.wrap(FINGERPRINTER.fingerprint(text).toBytes()))
            .setWords(Sketcher.words(text))
            .setNumbers(new ArrayList<>(numbers))
            .setNames(new ArrayList<>(names))
            .setEventKeys(new ArrayList<>(eventKeys))
            .setCorrected(corrected)
            .setDecision(decision)
            .setStoryId(story)
            .build();
    }
}
