package io.newswire.streams.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newswire.schema.DedupProbe;
import io.newswire.schema.EnrichedItem;

/**
 * Turns an enriched item into its probes for the near-duplicate stage: one per blocking band, keyed by the band.
 * The bands are the content hash ({@code h:}, exact copies; this probe carries the item to the decider), each LSH
 * band of the MinHash signature of the body ({@code b<i>:}, near-duplicates and updates) and, when the item has a
 * dateline date, its event keys ({@code e:<date>|<place or person>}, translations, which share no words).
 * Stateless and thread-safe.
 */
public final class Probes {

    public static final String CONTENT_BAND = "h:";
    public static final String EVENT_BAND = "e:";

    private static final int MAX_NUMBERS = 64;
    private static final int MAX_EVENT_KEYS = 6;
    private static final int MIN_NUMBER_WORDS = 12;
    private static final int MAX_NAMES = 64;
    /** Figures as written, grouping separators dropped: "1,500" and "1 500" are the same number. */
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,\\u00a0 ]\\d{3})*(?:[.,]\\d+)?");
    /** Markup that scraping leaves behind: tags and character entities, not words of the story. */
    private static final Pattern MARKUP = Pattern.compile("<[^<>]{0,80}>|&[a-zA-Z]{2,8};|&#\\d{1,6};");
    private static final Pattern CORRECTION = Pattern.compile(
        "^\\W*(corrected|correction|corrects|correcting|update|updated|refile|refiled|rettifica|corretto"
            + "|aggiornamento|исправлен\\p{L}*|обновлен\\p{L}*|korrigiert|berichtigt|rectificatif|corrigé)\\b",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final Fingerprinter fingerprinter;

    public Probes(final Fingerprinter fingerprinter) {
        this.fingerprinter = fingerprinter;
    }

    /** The text that is compared: lead and body, without markup; the headline and captions are left out. */
    static String comparedText(final EnrichedItem item) {
        final StringBuilder text = new StringBuilder();
        if (item.getLead() != null) {
            text.append(item.getLead()).append('\n');
        }
        item.getBody().forEach(paragraph -> text.append(paragraph).append('\n'));
        return MARKUP.matcher(text).replaceAll(" ");
    }

    /** The probes of an item, the content-hash probe (carrying the item) first. */
    public List<DedupProbe> of(final EnrichedItem item, final long eventTime) {
        final String text = comparedText(item);
        final Fingerprint fingerprint = fingerprinter.fingerprint(text);
        final List<String> bands = new ArrayList<>();
        bands.add(CONTENT_BAND + item.getContentHash());
        bands.addAll(fingerprint.bandKeys());
        final List<String> events = eventKeys(item);
        events.forEach(event -> bands.add(EVENT_BAND + event));
        final String url = item.getSource() == null ? null : item.getSource().getUrl();
        final byte[] signature = fingerprint.encode().getBytes(StandardCharsets.US_ASCII);
        final List<String> numbers = numbers(item);
        final List<String> names = names(item);
        final boolean corrected = item.getTitle() != null && CORRECTION.matcher(item.getTitle()).find();
        final int words = words(text);
        // The all-fields constructor shares the lists and the signature's bytes between the probes (each with its own
        // buffer, as encoders move a buffer's position); Avro's builders would deep-copy them once per band.
        final List<DedupProbe> probes = new ArrayList<>(bands.size());
        for (int i = 0; i < bands.size(); i++) {
            probes.add(new DedupProbe(item.getId(), bands.get(i), bands.size(), eventTime, item.getLanguage(), null,
                events, words, url, ByteBuffer.wrap(signature), numbers, names, corrected, i == 0 ? item : null));
        }
        return probes;
    }

    /** The fingerprint a probe carries. */
    public static Fingerprint fingerprintOf(final DedupProbe probe) {
        final ByteBuffer bytes = probe.getSignature().duplicate();
        final byte[] ascii = new byte[bytes.remaining()];
        bytes.get(ascii);
        return Fingerprint.decode(new String(ascii, StandardCharsets.US_ASCII));
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

    private static int words(final String text) {
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
     * Numbers written in the item's paragraphs of {@value #MIN_NUMBER_WORDS} words or more: figures of the story,
     * not the dates and credits of photo captions that re-sends append.
     */
    static List<String> numbers(final EnrichedItem item) {
        final StringBuilder text = new StringBuilder();
        if (item.getLead() != null) {
            text.append(item.getLead()).append('\n');
        }
        for (final String paragraph : item.getBody()) {
            if (words(paragraph) >= MIN_NUMBER_WORDS) {
                text.append(paragraph).append('\n');
            }
        }
        return numbers(MARKUP.matcher(text).replaceAll(" "));
    }

    static List<String> numbers(final String text) {
        final Set<String> numbers = new LinkedHashSet<>();
        final Matcher number = NUMBER.matcher(text);
        while (number.find() && numbers.size() < MAX_NUMBERS) {
            numbers.add(number.group().replaceAll("[,\\u00a0 ](?=\\d{3}(\\D|$))", "").replace(',', '.'));
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
