package io.newswire.producer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.newswire.producer.FileResult;
import io.newswire.producer.Fixtures;
import io.newswire.producer.InputReader;
import io.newswire.producer.ItemSink;
import io.newswire.producer.source.InputFormat;
import io.newswire.producer.source.Rejection;
import io.newswire.schema.WireItem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile text and bytes against the JSONL, transcript and dateline parsers and the input reader: arbitrary strings
 * (NULs, lone surrogates, control characters), JSON with deep nesting, huge or invalid numbers and fields of the wrong
 * type, dateline look-alikes, random bytes as a .txt or .jsonl input. The outcome is an item or the declared
 * rejection ({@link ParseException}, a {@link Rejection}), never another exception, and allocation stays in
 * proportion to the input.
 */
class HostileInputPropertiesTest {

    /**
     * Per call: a constant (regular expressions' matchers, Jackson's buffers, the item, an exception's stack trace) plus
     * a multiple of the input (the text copied a few times over by normalization, splitting and the Avro record).
     */
    static final long ALLOCATION_CONSTANT = 1024 * 1024;
    static final long ALLOCATION_PER_CHAR = 200;

    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final AtomicLong CALLS = new AtomicLong();
    private static final AtomicLong MAX_ALLOCATED = new AtomicLong();
    private static final AtomicLong MAX_PER_CHAR = new AtomicLong();

    private final JsonlParser jsonl = new JsonlParser(Fixtures.CLOCK);
    private final TranscriptParser transcripts = new TranscriptParser(Fixtures.CLOCK);
    private final DatelineParser datelines = new DatelineParser();
    private final InputReader reader = InputReader.create(Fixtures.CLOCK);

    /** A call's outcome, for the assertion. */
    private interface Call {
        Object run() throws ParseException, IOException;
    }

    @BeforeContainer
    static void warmUp() throws ParseException {
        // Class loading and the first compilation of each pattern are not the input's doing.
        final HostileInputPropertiesTest test = new HostileInputPropertiesTest();
        for (final String line : Fixtures.sampleLines()) {
            test.jsonl.parseLine("warm-up.jsonl", 1, line);
        }
        test.transcripts.parse("warm-up.txt", Fixtures.seedText());
    }

    @Property(tries = 300)
    void shouldParseOrRejectAnyLineAsJsonl(@ForAll("hostileText") final String line) {
        assertItemOrRejection(line.length(), () -> jsonl.parseLine("hostile.jsonl", 7, line));
    }

    @Property(tries = 300)
    void shouldParseOrRejectHostileJsonObjects(@ForAll("hostileObjects") final String line) {
        assertItemOrRejection(line.length(), () -> jsonl.parseLine("hostile.jsonl", 7, line));
    }

    @Property(tries = 300)
    void shouldParseOrRejectAnyTextAsATranscript(@ForAll("hostileDocuments") final String text) {
        assertItemOrRejection(text.length(), () -> transcripts.parse("hostile.txt", text));
    }

    @Property(tries = 400)
    void shouldFindADatelineOrNoneInAnyParagraph(@ForAll("datelineLookAlikes") final String paragraph,
                                                 @ForAll("references") final LocalDate reference) {
        assertItemOrRejection(paragraph.length(), () -> {
            final DatelineParser.Match match = datelines.parse(paragraph, reference);
            return match == null ? "no dateline" : match;
        });
    }

    @Property(tries = 200)
    void shouldReadOrRejectAnyBytesAsAnInputFile(@ForAll("hostileBytes") final byte[] bytes,
                                                 @ForAll final InputFormat format) {
        assertItemOrRejection(bytes.length, () -> {
            final Collected collected = new Collected();
            final FileResult result = reader.read("hostile." + format.name().toLowerCase(java.util.Locale.ROOT), format,
                new ByteArrayInputStream(bytes), collected);
            assertThat(collected.items.size() + collected.rejections.size()).as("an item or a rejection").isPositive();
            assertThat(collected.rejections).allSatisfy(rejection -> assertThat(rejection.message()).isNotBlank());
            assertThat(result.items()).isEqualTo(collected.items.size());
            return result;
        });
    }

    @Provide
    Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(400),
            Arbitraries.strings().withChars('{', '}', '[', ']', '"', ':', ',', '\\', 'u', '0', 'd', '8', 'e', '-', '.',
                '\u0000', ' ').ofMaxLength(300),
            Arbitraries.strings().withCharRange('\uD800', '\uDFFF').withChars('a', '\u0000', '\n').ofMaxLength(100));
    }

    @Provide
    Arbitrary<String> hostileObjects() {
        final Arbitrary<String> field = Arbitraries.of("id", "url", "source", "title", "date", "place", "lang", "lead",
            "paragraphs", "body", "topics", "");
        final Arbitrary<String> entry = Combinators.combine(field, hostileJsonValues())
            .as((name, value) -> "\"" + name + "\":" + value);
        return entry.list().ofMaxSize(8).map(entries -> entries.stream().collect(Collectors.joining(",", "{", "}")));
    }

    private Arbitrary<String> hostileJsonValues() {
        final Arbitrary<String> deep = Arbitraries.integers().between(1, 3000)
            .map(depth -> "[".repeat(depth) + "\"x\"" + "]".repeat(depth));
        final Arbitrary<String> deepObject = Arbitraries.integers().between(1, 2000)
            .map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
        final Arbitrary<String> numbers = Arbitraries.of("1e999999999", "-0", "0x1F", "NaN", "Infinity", "01",
            "9".repeat(1200), "1." + "5".repeat(1200), "-9223372036854775809", "1e-99999", "2.", ".5");
        final Arbitrary<String> strings = Arbitraries.of("\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"",
            "\"a\\u0000b\"", "\"\\u202Etxt.exe\"", "\"\"", "\" \"", "\"\\uFEFF\"", "\"2021-02-30\"", "\"0000-01-01\"",
            "\"9999-12-31T99\"", "\"\\\"", "[\"Mosca, 29 febbraio - x\", 3, null]", "[null, null]", "[[\"x\"]]", "{}",
            "null", "true");
        final Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(60)
            .map(HostileInputPropertiesTest::jsonString);
        return Arbitraries.oneOf(deep, deepObject, numbers, strings, text,
            text.list().ofMaxSize(5).map(items -> String.join(",", items)).map(items -> "[" + items + "]"));
    }

    @Provide
    Arbitrary<String> hostileDocuments() {
        final Arbitrary<String> line = Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(120),
            datelineLookAlikes(),
            Arbitraries.of("(Fonte: kremlin.ru)", "Vladimir Putin: ", ":", "Con Con il presidente", "\u0000\u0000",
                "\uFEFF", "\r", "\u2028", "\u0085"));
        return line.list().ofMaxSize(30).map(lines -> String.join("\n", lines));
    }

    @Provide
    Arbitrary<String> datelineLookAlikes() {
        final Arbitrary<String> place = Arbitraries.of("Mosca", "MOSCOW", "北京", "Москва", "", "\u0000", "\uD800",
            "新华社北京", "A".repeat(300));
        final Arbitrary<String> date = Arbitraries.of("21 agosto 2021", "29 febbraio", "29 February", "31 aprile",
            "0 août", "99 августа 99999", "21.08.2021", "32.13.2021", "8月21日", "2021年2月30日", "Aug. 21st, 0000",
            "21 de agosto de 9999", "1er août", "21 آب/أغسطس", "99", "");
        final Arbitrary<String> separator = Arbitraries.of(" - ", " — ", ", ", "，", "——", " (AFP) - ", "电", "");
        final Arbitrary<String> rest = Arbitraries.strings().all().ofMaxLength(80);
        return Arbitraries.oneOf(
            Combinators.combine(place, date, separator, rest).as((p, d, s, r) -> p + ", " + d + s + r),
            Combinators.combine(date, separator, place, rest).as((d, s, p, r) -> d + s + p + r),
            Arbitraries.strings().all().ofMaxLength(200),
            Arbitraries.strings().withChars('0', '1', '2', '9', '.', ' ', '-', ',', '月', '日', '年').ofMaxLength(200));
    }

    @Provide
    Arbitrary<LocalDate> references() {
        return Arbitraries.oneOf(
            Arbitraries.of(LocalDate.of(0, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(2024, 2, 29),
                LocalDate.of(1900, 3, 1)),
            Arbitraries.integers().between(0, 9999 * 366).map(day -> LocalDate.of(0, 1, 1).plusDays(day)));
    }

    @Provide
    Arbitrary<byte[]> hostileBytes() {
        final Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        final Arbitrary<byte[]> textLike = Arbitraries.strings().all().ofMaxLength(300)
            .map(text -> text.getBytes(StandardCharsets.UTF_8));
        final Arbitrary<byte[]> withBom = Combinators.combine(
            Arbitraries.of(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                new byte[] {(byte) 0xFE, (byte) 0xFF}, new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, new byte[0]),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(500))
            .as((bom, body) -> {
                final byte[] joined = new byte[bom.length + body.length];
                System.arraycopy(bom, 0, joined, 0, bom.length);
                System.arraycopy(body, 0, joined, bom.length, body.length);
                return joined;
            });
        return Arbitraries.oneOf(random, textLike, withBom);
    }

    @AfterContainer
    static void report() {
        System.out.printf("HostileInputPropertiesTest: %d calls, largest allocation %d bytes, largest per input unit"
            + " beyond the constant %d bytes%n", CALLS.get(), MAX_ALLOCATED.get(), MAX_PER_CHAR.get());
    }

    /** The call gives a value or throws ParseException, allocating at most the constant plus k × the input. */
    static void assertItemOrRejection(final int inputLength, final Call call) {
        final long before = THREADS.getCurrentThreadAllocatedBytes();
        Object value = null;
        ParseException rejection = null;
        try {
            value = call.run();
        } catch (final ParseException e) {
            rejection = e;
        } catch (final IOException e) {
            throw new AssertionError("reading from memory cannot fail", e);
        }
        final long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        CALLS.incrementAndGet();
        MAX_ALLOCATED.accumulateAndGet(allocated, Math::max);
        MAX_PER_CHAR.accumulateAndGet(Math.max(0, allocated - ALLOCATION_CONSTANT) / Math.max(1, inputLength),
            Math::max);
        if (rejection != null) {
            assertThat(rejection.reason()).isNotNull();
            assertThat(rejection.getMessage()).isNotBlank();
        } else {
            assertThat(value).isNotNull();
        }
        assertThat(allocated).as("bytes allocated for an input of %d", inputLength)
            .isLessThanOrEqualTo(ALLOCATION_CONSTANT + ALLOCATION_PER_CHAR * inputLength);
    }

    private static String jsonString(final String text) {
        final StringBuilder json = new StringBuilder("\"");
        for (final char c : text.toCharArray()) {
            if (c == '"' || c == '\\' || c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    /** Collects what the reader hands over. */
    private static final class Collected implements ItemSink {
        private final List<WireItem> items = new ArrayList<>();
        private final List<Rejection> rejections = new ArrayList<>();

        @Override
        public void item(final WireItem item) {
            items.add(item);
        }

        @Override
        public void rejected(final Rejection rejection) {
            rejections.add(rejection);
        }
    }
}
