package io.newswire.streams.enrich;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The topics newswire scores and the IPTC Media Topic each stands for, read from {@code taxonomy.tsv} (topic, QCode,
 * IPTC name, what it covers): a topic name in, its QCode ({@code medtop:16000000}) out. Immutable and thread-safe.
 */
public final class TopicTaxonomy {

    static final String BUNDLED = "taxonomy.tsv";
    private static final Pattern QCODE = Pattern.compile("medtop:\\d{8}");

    /** One topic of the taxonomy. */
    public record Entry(String topic, String qcode, String iptcName, String covers) {
    }

    private final Map<String, Entry> byTopic;

    private TopicTaxonomy(final Map<String, Entry> byTopic) {
        this.byTopic = byTopic;
    }

    /** The taxonomy shipped with newswire. */
    public static TopicTaxonomy bundled() {
        return of(LexiconFile.resource(BUNDLED, 4));
    }

    static TopicTaxonomy of(final List<LexiconFile.Line> lines) {
        final Map<String, Entry> entries = new LinkedHashMap<>();
        for (final LexiconFile.Line line : lines) {
            final String qcode = line.column(1);
            if (!QCODE.matcher(qcode).matches()) {
                throw new IllegalArgumentException(line.origin() + ": '" + qcode
                        + "' is not an IPTC Media Topic QCode (medtop: and eight digits)");
            }
            if (entries.putIfAbsent(line.column(0), new Entry(line.column(0), qcode, line.column(2),
                    line.column(3))) != null) {
                throw new IllegalArgumentException(line.origin() + ": topic '" + line.column(0) + "' is listed twice");
            }
        }
        return new TopicTaxonomy(new HashMap<>(entries));
    }

    /** The QCode of a topic, or null when the taxonomy does not list it. */
    public String qcodeOf(final String topic) {
        final Entry entry = byTopic.get(topic);
        return entry == null ? null : entry.qcode();
    }

    /** The entry of a topic, or null. */
    public Entry entry(final String topic) {
        return byTopic.get(topic);
    }
}
