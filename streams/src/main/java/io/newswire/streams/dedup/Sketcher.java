package io.newswire.streams.dedup;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newswire.schema.DedupSketch;
import io.newswire.schema.EnrichedItem;

/**
 * Turns an enriched item into its {@link DedupSketch}: what the near-duplicate stage compares, about 1 KB whatever the
 * item's size — the MinHash signature of its lead and body as raw bytes, its words, the numbers of its story, its
 * named entities, its event keys (dateline date with each place and person, what renderings in other languages share),
 * its URL, a hash of its content hash, and whether its headline says it corrects. Stateless and thread-safe.
 */
public final class Sketcher {

    private static final int MAX_NUMBERS = 64;
    private static final int MAX_EVENT_KEYS = 6;
    private static final int MIN_NUMBER_WORDS = 12;
    private static final int MAX_NAMES = 64;
    /** Figures as written, grouping separators dropped: "1,500" and "1 500" are the same number. */
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,\\u00a0 ]\\d{3})*(?:[.,]\\d+)?");
    private static final Pattern GROUPING = Pattern.compile("[,\\u00a0 ](?=\\d{3}(\\D|$))");
    /** Markup that scraping leaves behind: tags and character entities, not words of the story. */
    private static final Pattern MARKUP = Pattern.compile("<[^<>]{0,80}>|&[a-zA-Z]{2,8};|&#\\d{1,6};");
    private static final Pattern CORRECTION = Pattern.compile(
        "^\\W*(corrected|correction|corrects|correcting|update|updated|refile|refiled|rettifica|corretto"
            + "|aggiornamento|исправлен\\p{L}*|обновлен\\p{L}*|korrigiert|berichtigt|rectificatif|corrigé)\\b",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final Fingerprinter fingerprinter;

    public Sketcher(final Fingerprinter fingerprinter) {
        this.fingerprinter = fingerprinter;
    }

    public FingerprintSettings settings() {
        return fingerprinter.settings();
    }

    /**
     * The sketch of {@code item}, read from news.raw partition {@code partition} at {@code offset} with event time
     * {@code eventTime}; not yet decided ({@code decision} and {@code story_id} null).
     */
    public DedupSketch sketch(final EnrichedItem item, final long eventTime, final int partition, final long offset) {
        return sketch(item, eventTime, partition, offset, 0L);
    }

    /** @param sentMicros when the item's producer sent it ({@code newswire.sent}), 0 when unknown */
    public DedupSketch sketch(final EnrichedItem item, final long eventTime, final int partition, final long offset,
                              final long sentMicros) {
        final List<String> paragraphs = withoutMarkup(item);
        final String text = String.join("\n", paragraphs);
        final List<String> storyParagraphs = item.getLead() == null ? paragraphs
            : paragraphs.subList(1, paragraphs.size());
        return DedupSketch.newBuilder()
            .setId(item.getId())
            .setEventTime(eventTime)
            .setSourcePartition(partition)
            .setSourceOffset(offset)
            .setArrivalWatermark(0)
            .setLanguage(item.getLanguage())
            .setContentHash(Postings.hash("content", item.getContentHash()))
            .setSourceUrl(item.getSource() == null ? null : item.getSource().getUrl())
            .setSignature(ByteBuffer.wrap(fingerprinter.fingerprint(text).toBytes()))
            .setWords(words(text))
            .setNumbers(numbers(item.getLead() == null ? null : paragraphs.get(0), storyParagraphs))
            .setNames(names(item))
            .setEventKeys(eventKeys(item))
            .setCorrected(item.getTitle() != null && CORRECTION.matcher(item.getTitle()).find())
            .setDecision(null)
            .setStoryId(null)
            .setSentMicros(sentMicros)
            .build();
    }

    /** The compared text, paragraph by paragraph: lead and body without markup; headline and captions left out. */
    static List<String> withoutMarkup(final EnrichedItem item) {
        final List<String> paragraphs = new ArrayList<>(item.getBody().size() + 1);
        if (item.getLead() != null) {
            paragraphs.add(MARKUP.matcher(item.getLead()).replaceAll(" "));
        }
        for (final String paragraph : item.getBody()) {
            paragraphs.add(MARKUP.matcher(paragraph).replaceAll(" "));
        }
        return paragraphs;
    }

    /**
     * The dateline date with each place and person named, canonical ({@code 2021-08-21|Moscow},
     * {@code 2021-08-21|Vladimir Putin}), at most {@value #MAX_EVENT_KEYS}: what renderings of one event share in any
     * language. None without a dateline date.
     */
    static List<String> eventKeys(final EnrichedItem item) {
        if (item.getDateline() == null || item.getDateline().getDate() == null || item.getEntities() == null) {
            return List.of();
        }
        final Set<String> keys = new TreeSet<>();
        item.getEntities().getPlaces().stream().limit(MAX_EVENT_KEYS / 2)
            .forEach(place -> keys.add(item.getDateline().getDate() + "|" + place));
        item.getEntities().getPersons().stream().limit(MAX_EVENT_KEYS / 2)
            .forEach(person -> keys.add(item.getDateline().getDate() + "|" + person));
        return new ArrayList<>(keys);
    }

    static int words(final String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            final boolean letter = Character.isLetterOrDigit(text.charAt(i));
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }
        return words;
    }

    /**
     * Numbers written in the lead and in paragraphs of {@value #MIN_NUMBER_WORDS} words or more: figures of the story,
     * not the dates and credits of photo captions that re-sends append.
     */
    static List<String> numbers(final String lead, final List<String> paragraphs) {
        final StringBuilder text = new StringBuilder();
        if (lead != null) {
            text.append(lead).append('\n');
        }
        for (final String paragraph : paragraphs) {
            if (words(paragraph) >= MIN_NUMBER_WORDS) {
                text.append(paragraph).append('\n');
            }
        }
        return numbers(text.toString());
    }

    static List<String> numbers(final String text) {
        final Set<String> numbers = new LinkedHashSet<>();
        final Matcher number = NUMBER.matcher(text);
        while (number.find() && numbers.size() < MAX_NUMBERS) {
            numbers.add(GROUPING.matcher(number.group()).replaceAll("").replace(',', '.'));
        }
        return new ArrayList<>(numbers);
    }

    private static List<String> names(final EnrichedItem item) {
        final Set<String> names = new LinkedHashSet<>();
        if (item.getEntities() != null) {
            names.addAll(item.getEntities().getPersons());
            names.addAll(item.getEntities().getCountries());
            names.addAll(item.getEntities().getOrganizations());
        }
        return new ArrayList<>(names).subList(0, Math.min(MAX_NAMES, names.size()));
    }
}
