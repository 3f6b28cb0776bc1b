package io.newswire.producer.parse;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.newswire.producer.source.RejectReason;
import io.newswire.schema.Dateline;
import io.newswire.schema.Source;
import io.newswire.schema.WireItem;
import io.newswire.schema.text.ContentHash;
import io.newswire.schema.text.TextChanges;
import io.newswire.schema.text.TextNormalizer;

/**
 * Parses one line of a .jsonl input: input a JSON object with the content fields {@code id}, {@code url},
 * {@code source}, {@code title}, {@code date}, {@code place}, {@code lang}, {@code lead} and {@code paragraphs} or
 * {@code body}, output a WireItem. Every other field is ignored: labels that come with the input (topics, persons,
 * speakers, …) are never read, enrichment derives them from the text.
 */
public final class JsonlParser {

    static final String FORMAT = "jsonl";
    private static final int MAX_ERROR_DETAIL = 200;
    /** Jackson names its input source in messages ("(start marker at [Source: REDACTED …])"): noise to people. */
    private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\s*\\(?(?:start marker )?at \\[Source:.*$");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[T ].*)?");

    private final Clock clock;
    private final DatelineParser datelines;
    private final SpeakerTurns speakers;
    private final SourceLine sourceLine;
    private final ObjectMapper mapper;

    /** A parser whose items are stamped with {@code clock}'s instant. */
    public JsonlParser(final Clock clock) {
        this(clock, new DatelineParser(), new SpeakerTurns());
    }

    public JsonlParser(final Clock clock, final DatelineParser datelines, final SpeakerTurns speakers) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.datelines = Objects.requireNonNull(datelines, "datelines");
        this.speakers = Objects.requireNonNull(speakers, "speakers");
        this.sourceLine = new SourceLine();
        // A line with trailing garbage or a field given twice is ambiguous: reject it rather than guess.
        this.mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    }

    /**
     * The wire item on one line.
     *
     * @param fileName   the input's name; the item's origin is {@code fileName:lineNumber}
     * @param lineNumber the 1-based line number
     * @throws ParseException when the line is not a JSON object, a content field has the wrong type, or the object
     *                        holds neither a title nor any text
     */
    public WireItem parseLine(final String fileName, final long lineNumber, final String line) throws ParseException {
        final JsonNode node = readObject(line);
        // Text is normalized before anything reads it; what that changed is the item's first repair.
        final TextChanges changes = new TextChanges();
        final String title = text(node, "title", changes);
        final String lead = text(node, "lead", changes);
        final String url = identifier(node, "url");
        final String place = text(node, "place", changes);
        final String language = text(node, "lang");
        final List<String> repairs = new ArrayList<>();
        final LocalDate published = published(node, repairs);

        final List<String> body = new ArrayList<>();
        String sourceName = sourceName(node);
        for (final String paragraph : paragraphs(node, changes)) {
            final String named = sourceLine.name(paragraph).orElse(null);
            if (named == null) {
                body.add(paragraph);
            } else if (sourceName == null) {
                sourceName = named;
            }
        }
        if (title == null && lead == null && body.isEmpty()) {
            throw new ParseException(RejectReason.NO_CONTENT,
                "no title and no text: \"title\", \"lead\" and \"paragraphs\"/\"body\" are all missing or empty");
        }
        final Dateline dateline = dateline(body, place, published);
        final String contentHash = ContentHash.of(title, lead, body);
        changes.repair().ifPresent(repair -> repairs.add(0, repair));
        return WireItem.newBuilder()
            .setId(id(node, url, contentHash))
            .setSource(new Source(sourceName, url))
            .setTitle(title)
            .setDeclaredLanguage(language == null ? null : language.toLowerCase(Locale.ROOT))
            .setPublished(published == null ? null : published.toString())
            .setDateline(dateline)
            .setLead(lead)
            .setBody(body)
            .setTurns(speakers.turns(body))
            .setCaptions(List.of())
            .setRepairs(repairs)
            .setContentHash(contentHash)
            .setFormat(FORMAT)
            .setOrigin(fileName + ":" + lineNumber)
            .setIngestedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
            .build();
    }

    private JsonNode readObject(final String line) throws ParseException {
        final JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (final JsonProcessingException e) {
            final JsonLocation location = e.getLocation();
            final String at = location == null ? "" : " at column " + location.getColumnNr();
            throw new ParseException(RejectReason.INVALID_JSON,
                "not valid JSON" + at + ": " + firstLine(e.getOriginalMessage()), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new ParseException(RejectReason.INVALID_JSON, "not valid JSON: the line holds no JSON value");
        }
        if (!node.isObject()) {
            throw new ParseException(RejectReason.NOT_AN_OBJECT,
                "the line is " + kind(node) + ", not a JSON object (one object per line is expected)");
        }
        return node;
    }

    /**
     * The dateline: the {@code place} field with the publication date when the input gives a place, else the one
     * that opens the first paragraph. A dateline opening the first paragraph is removed from it either way.
     */
    private Dateline dateline(final List<String> body, final String place, final LocalDate published) {
        final LocalDate reference = published != null ? published : LocalDate.now(clock);
        final DatelineParser.Match match = body.isEmpty() ? null : datelines.parse(body.get(0), reference);
        if (match != null) {
            if (match.rest().isEmpty()) {
                body.remove(0);
            } else {
                body.set(0, match.rest());
            }
        }
        if (place != null) {
            return new Dateline(place, published == null ? null : published.toString());
        }
        return match == null ? null : match.toDateline();
    }

    /** The input's own id (a string or an integer), else its URL, else {@code sha256:} and the content hash. */
    private static String id(final JsonNode node, final String url, final String contentHash) throws ParseException {
        final JsonNode id = node.get("id");
        if (id != null && id.isIntegralNumber()) {
            return id.bigIntegerValue().toString();
        }
        if (id != null && !id.isNull() && !id.isTextual()) {
            throw new ParseException(RejectReason.INVALID_FIELD,
                "field \"id\" is " + kind(id) + "; expected a string or an integer");
        }
        final String own = identifier(node, "id");
        if (own != null) {
            return own;
        }
        return url != null ? url : ItemIds.fromContentHash(contentHash);
    }

    /** The {@code source} field: a name, or an object with {@code name}. */
    private static String sourceName(final JsonNode node) throws ParseException {
        final JsonNode source = node.get("source");
        if (source != null && source.isObject()) {
            return text(source, "name");
        }
        return text(node, "source");
    }

    /** The {@code date} field as a date; a value that is no ISO date is left out and the repair says so. */
    private static LocalDate published(final JsonNode node, final List<String> repairs) throws ParseException {
        final String date = text(node, "date");
        if (date == null) {
            return null;
        }
        // ISO date-times ("2021-08-21T10:00:00Z", "2021-08-21 10:00") carry the date in their first ten characters.
        final Matcher iso = ISO_DATE.matcher(date);
        if (iso.matches()) {
            try {
                return LocalDate.parse(iso.group(1));
            } catch (final DateTimeParseException e) {
                repairs.add("published: \"" + date + "\" is not a calendar date (" + e.getMessage() + "); left empty");
                return null;
            }
        }
        repairs.add("published: \"" + date + "\" is not an ISO date (yyyy-MM-dd); left empty");
        return null;
    }

    /** The paragraphs: {@code paragraphs} (an array), else {@code body} (an array, or a string split into paragraphs). */
    private List<String> paragraphs(final JsonNode node, final TextChanges changes) throws ParseException {
        final String field = node.hasNonNull("paragraphs") ? "paragraphs" : "body";
        final JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isTextual()) {
            return Paragraphs.split(value.asText(),
                line -> speakers.open(line).isPresent() || sourceLine.isSourceLine(line), changes);
        }
        if (!value.isArray()) {
            throw new ParseException(RejectReason.INVALID_FIELD,
                "field \"" + field + "\" is " + kind(value) + "; expected an array of strings");
        }
        final List<String> paragraphs = new ArrayList<>();
        for (int index = 0; index < value.size(); index++) {
            final JsonNode element = value.get(index);
            if (element.isNull()) {
                continue;
            }
            if (!element.isTextual()) {
                throw new ParseException(RejectReason.INVALID_FIELD, "field \"" + field + "\" item " + (index + 1)
                    + " is " + kind(element) + "; expected a string");
            }
            final String paragraph = TextNormalizer.clean(element.asText(), changes);
            if (paragraph.isEmpty()) {
                changes.emptyTextDropped();
            } else {
                paragraphs.add(paragraph);
            }
        }
        return paragraphs;
    }

    /** A text field that is no content (a name, a code, a date), cleaned; null when missing, null or empty. */
    private static String text(final JsonNode node, final String field) throws ParseException {
        return text(node, field, new TextChanges());
    }

    /** A content text field, cleaned, what cleaning changed counted; null when missing, null or empty. */
    private static String text(final JsonNode node, final String field, final TextChanges changes)
        throws ParseException {
        final String text = TextNormalizer.clean(string(node, field), changes);
        return text == null || text.isEmpty() ? null : text;
    }

    /** An identifier field (id, url): cleaned with its typography kept, so the same input keeps the same id. */
    private static String identifier(final JsonNode node, final String field) throws ParseException {
        final String text = TextNormalizer.cleanIdentifier(string(node, field));
        return text == null || text.isEmpty() ? null : text;
    }

    private static String string(final JsonNode node, final String field) throws ParseException {
        final JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ParseException(RejectReason.INVALID_FIELD,
                "field \"" + field + "\" is " + kind(value) + "; expected a string");
        }
        return value.asText();
    }

    /** The JSON type of {@code node} with its article, for messages: "an array", "a number". */
    private static String kind(final JsonNode node) {
        final String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
        return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
    }

    private static String firstLine(final String message) {
        if (message == null) {
            return "unreadable";
        }
        final int newline = message.indexOf('\n');
        final String first = SOURCE_REFERENCE.matcher(newline < 0 ? message : message.substring(0, newline))
            .replaceFirst("");
        return first.length() <= MAX_ERROR_DETAIL ? first : first.substring(0, MAX_ERROR_DETAIL) + "…";
    }
}
