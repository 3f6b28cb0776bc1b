package io.newswire.producer.parse;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import io.newswire.producer.source.RejectReason;
import io.newswire.schema.Source;
import io.newswire.schema.WireItem;
import io.newswire.schema.text.ContentHash;
import io.newswire.schema.text.TextChanges;
import io.newswire.schema.text.TextNormalizer;

/**
 * Parses a .txt wire item of the seed transcript's shape: input the file's name and text, output a WireItem with
 * title (first non-empty line), dateline, body, speaker turns, source (the "(Fonte: …)" line) and the photo captions
 * that follow the source line, repaired. Text files carry no id, so the id is {@code sha256:} + the content hash.
 */
public final class TranscriptParser {

    static final String FORMAT = "txt";
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private final Clock clock;
    private final DatelineParser datelines;
    private final SpeakerTurns speakers;
    private final SourceLine sourceLine;
    private final CaptionRepair captionRepair;

    /** A parser whose items are stamped with {@code clock}'s instant and whose year-less datelines use its date. */
    public TranscriptParser(final Clock clock) {
        this(clock, new DatelineParser(), new SpeakerTurns());
    }

    public TranscriptParser(final Clock clock, final DatelineParser datelines, final SpeakerTurns speakers) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.datelines = Objects.requireNonNull(datelines, "datelines");
        this.speakers = Objects.requireNonNull(speakers, "speakers");
        this.sourceLine = new SourceLine();
        this.captionRepair = new CaptionRepair();
    }

    /**
     * The wire item in {@code text}.
     *
     * @param fileName the input's name, kept as the item's origin
     * @throws ParseException when the text holds neither a title nor a body
     */
    public WireItem parse(final String fileName, final String text) throws ParseException {
        final LocalDate today = LocalDate.now(clock);
        final List<String> lines = List.of(LINE_BREAK.split(text, -1));
        final int titleLine = firstNonBlank(lines);
        if (titleLine < 0) {
            throw new ParseException(RejectReason.NO_CONTENT, "no title and no text: the file holds only whitespace");
        }
        // Text is normalized before anything reads it; what that changed is the item's first repair.
        final TextChanges changes = new TextChanges();
        final TextChanges titleChanges = new TextChanges();
        final String firstLine = TextNormalizer.clean(lines.get(titleLine), titleChanges);
        // Agency copy may open with the dateline itself; then it has no title and that line is body.
        final boolean untitled = datelines.parse(firstLine, today) != null;
        final String title = untitled ? null : firstLine;
        if (!untitled) {
            changes.add(titleChanges);
        }
        final List<String> paragraphs = Paragraphs.split(lines.subList(untitled ? titleLine : titleLine + 1,
            lines.size()), line -> speakers.open(line).isPresent() || sourceLine.isSourceLine(line), changes);

        final int sourceAt = lastSourceLine(paragraphs);
        final List<String> body = new ArrayList<>(sourceAt < 0 ? paragraphs : paragraphs.subList(0, sourceAt));
        final List<String> foundCaptions = sourceAt < 0 ? List.of() : paragraphs.subList(sourceAt + 1, paragraphs.size());
        final DatelineParser.Match dateline = body.isEmpty() ? null : datelines.parse(body.get(0), today);
        if (dateline != null) {
            replaceFirst(body, dateline.rest());
        }
        if (title == null && body.isEmpty()) {
            throw new ParseException(RejectReason.NO_CONTENT, "no title and no text: only a dateline or a source line");
        }
        final CaptionRepair.Result captions = captionRepair.repair(foundCaptions);
        final String contentHash = ContentHash.of(title, body);
        final List<String> repairs = new ArrayList<>();
        changes.repair().ifPresent(repairs::add);
        repairs.addAll(captions.repairs());
        return WireItem.newBuilder()
            .setId(ItemIds.fromContentHash(contentHash))
            .setSource(new Source(sourceAt < 0 ? null : sourceLine.name(paragraphs.get(sourceAt)).orElseThrow(), null))
            .setTitle(title)
            .setDeclaredLanguage(null)
            .setPublished(null)
            .setDateline(dateline == null ? null : dateline.toDateline())
            .setLead(null)
            .setBody(body)
            .setTurns(speakers.turns(body))
            .setCaptions(captions.captions())
            .setRepairs(repairs)
            .setContentHash(contentHash)
            .setFormat(FORMAT)
            .setOrigin(fileName)
            .setIngestedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
            .build();
    }

    private static int firstNonBlank(final List<String> lines) {
        for (int index = 0; index < lines.size(); index++) {
            if (!TextNormalizer.clean(lines.get(index)).isEmpty()) {
                return index;
            }
        }
        return -1;
    }

    /** The last source line ends the body: a transcript may quote an earlier one, captions follow only the last. */
    private int lastSourceLine(final List<String> paragraphs) {
        for (int index = paragraphs.size() - 1; index >= 0; index--) {
            if (sourceLine.isSourceLine(paragraphs.get(index))) {
                return index;
            }
        }
        return -1;
    }

    /** The first paragraph without its dateline; gone when the dateline was all it held. */
    private static void replaceFirst(final List<String> body, final String rest) {
        if (rest.isEmpty()) {
            body.remove(0);
        } else {
            body.set(0, rest);
        }
    }
}
