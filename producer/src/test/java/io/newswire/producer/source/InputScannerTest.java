package io.newswire.producer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newswire.producer.Fixtures;

class InputScannerTest {

    private static final String CAFFE = "Titolo\n\nUn caffè con il presidente, perché no.\n";

    @TempDir
    Path folder;

    private final InputScanner scanner = new InputScanner();

    private Path write(final String name, final byte[] bytes) throws IOException {
        final Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    private Path write(final String name, final String text, final Charset charset) throws IOException {
        return write(name, text.getBytes(charset));
    }

    private Rejection rejectionOf(final Path file) {
        final ScannedFile scanned = scanner.read(file);
        assertThat(scanned).isInstanceOf(ScannedFile.RejectedFile.class);
        return ((ScannedFile.RejectedFile) scanned).rejection();
    }

    @Test
    void shouldReadTheSeedAsText() throws IOException {
        final Path seed = write(Fixtures.SEED_NAME, Fixtures.seedBytes());

        final ScannedFile scanned = scanner.read(seed);

        assertThat(scanned).isInstanceOfSatisfying(ScannedFile.TextFile.class, text -> {
            assertThat(text.name()).isEqualTo(Fixtures.SEED_NAME);
            assertThat(text.text()).isEqualTo(Fixtures.seedText());
            assertThat(text.bytes()).isEqualTo(Fixtures.seedBytes());
        });
    }

    @Test
    void shouldRejectAnEmptyFile() throws IOException {
        final Rejection rejection = rejectionOf(write("empty.txt", new byte[0]));

        assertThat(rejection.reason()).isEqualTo(RejectReason.EMPTY);
        assertThat(rejection.describe()).startsWith("empty.txt: ").contains("empty");
        assertThat(rejection.wholeFile()).isTrue();
    }

    @Test
    void shouldRejectAFileOfWhitespace() throws IOException {
        final Rejection rejection = rejectionOf(write("blank.txt", " \n\t\r\n", StandardCharsets.UTF_8));

        assertThat(rejection.reason()).isEqualTo(RejectReason.EMPTY);
        assertThat(rejection.message()).contains("only whitespace");
    }

    @Test
    void shouldRejectABinaryFile() throws IOException {
        final byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        final Rejection rejection = rejectionOf(write("photo.txt", png));

        assertThat(rejection.reason()).isEqualTo(RejectReason.BINARY);
        assertThat(rejection.describe()).startsWith("photo.txt: ").contains("NUL bytes");
        assertThat(rejection.original()).isEqualTo(png);
    }

    @Test
    void shouldRejectTextOfControlCharacters() throws IOException {
        final byte[] noise = new byte[200];
        for (int index = 0; index < noise.length; index++) {
            noise[index] = (byte) (index % 2 == 0 ? 0x01 : 'a');
        }

        assertThat(rejectionOf(write("noise.txt", noise)).reason()).isEqualTo(RejectReason.BINARY);
    }

    @Test
    void shouldRejectLatin1SayingWhereAndWhatToDo() throws IOException {
        final Path latin1 = write("caffe.txt", CAFFE, StandardCharsets.ISO_8859_1);

        final Rejection rejection = rejectionOf(latin1);

        assertThat(rejection.reason()).isEqualTo(RejectReason.NOT_UTF8);
        assertThat(rejection.describe()).startsWith("caffe.txt: not UTF-8: byte 0xE8 at offset 15 (line 3)")
            .contains("re-save it as UTF-8");
        assertThat(rejection.original()).isEqualTo(Files.readAllBytes(latin1));
    }

    @Test
    void shouldDecodeUtf16ByItsByteOrderMark() throws IOException {
        final Path le = write("le.txt", "\uFEFF" + CAFFE, StandardCharsets.UTF_16LE);
        final Path be = write("be.txt", "\uFEFF" + CAFFE, StandardCharsets.UTF_16BE);

        assertThat(scanner.read(le)).isInstanceOfSatisfying(ScannedFile.TextFile.class,
            text -> assertThat(text.text()).isEqualTo(CAFFE));
        assertThat(scanner.read(be)).isInstanceOfSatisfying(ScannedFile.TextFile.class,
            text -> assertThat(text.text()).isEqualTo(CAFFE));
    }

    @Test
    void shouldDropAUtf8ByteOrderMark() throws IOException {
        final Path bom = write("bom.txt", "\uFEFF" + CAFFE, StandardCharsets.UTF_8);

        assertThat(scanner.read(bom)).isInstanceOfSatisfying(ScannedFile.TextFile.class,
            text -> assertThat(text.text()).isEqualTo(CAFFE));
    }

    @Test
    void shouldRejectAFileOverTheSizeLimitKeepingItsHead() throws IOException {
        final InputScanner small = new InputScanner(1024);
        final Path big = write("big.txt", "x".repeat(5000), StandardCharsets.UTF_8);

        final ScannedFile scanned = small.read(big);

        assertThat(scanned).isInstanceOfSatisfying(ScannedFile.RejectedFile.class, rejected -> {
            assertThat(rejected.rejection().reason()).isEqualTo(RejectReason.TOO_LARGE);
            assertThat(rejected.rejection().describe()).startsWith("big.txt: the file is 4.9 KiB, over the limit of 1 KiB");
            assertThat(rejected.rejection().original()).hasSize(5000);
        });
    }

    @Test
    void shouldStillReadTheGoodFilesOfAFolderWithBadOnes() throws IOException {
        write("a-empty.txt", new byte[0]);
        write("b-binary.txt", new byte[] {'x', 0, 'y'});
        write("c-latin1.txt", CAFFE, StandardCharsets.ISO_8859_1);
        write("d-big.txt", "y".repeat(InputScanner.SAMPLE_BYTES + 10), StandardCharsets.UTF_8);
        write("e-good.txt", CAFFE, StandardCharsets.UTF_8);
        write("sub/f-good.jsonl", "{\"title\": \"x\"}\n", StandardCharsets.UTF_8);
        write("README.md", "notes", StandardCharsets.UTF_8);
        write(".hidden/g.txt", CAFFE, StandardCharsets.UTF_8);
        final InputScanner scanner = new InputScanner(InputScanner.SAMPLE_BYTES);

        final InputScanner.Listing listing = scanner.list(List.of(folder));
        final List<String> read = new ArrayList<>();
        final List<String> rejected = new ArrayList<>();
        for (final Path file : listing.files()) {
            final ScannedFile scanned = scanner.read(file);
            if (scanned instanceof ScannedFile.RejectedFile bad) {
                rejected.add(bad.rejection().origin() + " " + bad.rejection().reason().code());
            } else {
                read.add(scanned.name());
            }
        }

        assertThat(read).containsExactly("e-good.txt", "f-good.jsonl");
        assertThat(rejected).containsExactly("a-empty.txt empty", "b-binary.txt binary", "c-latin1.txt not-utf8",
            "d-big.txt too-large");
        assertThat(listing.skipped()).singleElement().asString().endsWith("README.md: skipped, neither .txt nor .jsonl");
    }

    @Test
    void shouldListFolderContentsSortedAndEachFileOnce() throws IOException {
        final Path b = write("b.txt", CAFFE, StandardCharsets.UTF_8);
        final Path a = write("a/z.jsonl", "{}", StandardCharsets.UTF_8);
        final Path c = write("c.txt", CAFFE, StandardCharsets.UTF_8);

        final InputScanner.Listing listing = scanner.list(List.of(c, folder));

        assertThat(listing.files()).containsExactly(c, a, b);
    }

    @Test
    void shouldRejectMissingPathsAndFilesOfOtherTypesNamedExplicitly() throws IOException {
        final Path pdf = write("report.pdf", "%PDF-1.4", StandardCharsets.US_ASCII);

        final InputScanner.Listing listing = scanner.list(List.of(folder.resolve("missing.txt"), pdf));

        assertThat(listing.files()).isEmpty();
        assertThat(listing.rejections()).extracting(Rejection::describe).containsExactly(
            "missing.txt: no such file or folder (" + folder.resolve("missing.txt") + "); check the path",
            "report.pdf: not a .txt or .jsonl file; rename it if it holds one of those formats");
    }

    @Test
    void shouldStreamJsonlLinesRejectingOnlyTheBadOnes() throws IOException {
        final byte[] latin1Line = "{\"title\": \"caffè\"}".getBytes(StandardCharsets.ISO_8859_1);
        final FileBytes bytes = new FileBytes()
            .line("{\"title\": \"one\"}")
            .line("")
            .raw(latin1Line).raw(new byte[] {'\r', '\n'})
            .line("{\"title\": \"" + "x".repeat(100) + "\"}")
            .raw("{\"title\": \"last\"}".getBytes(StandardCharsets.UTF_8));
        final Path file = write("items.jsonl", bytes.toByteArray());
        final InputScanner small = new InputScanner(64);

        final List<JsonlFile.JsonlLine> lines = new ArrayList<>();
        final long count = ((JsonlFile) small.read(file)).forEachLine(lines::add);

        assertThat(count).isEqualTo(4);
        assertThat(lines).extracting(JsonlFile.JsonlLine::number).containsExactly(1L, 3L, 4L, 5L);
        assertThat(lines.get(0).text()).isEqualTo("{\"title\": \"one\"}");
        assertThat(lines.get(1).rejection().describe()).startsWith("items.jsonl:3: not UTF-8");
        assertThat(lines.get(1).rejection().original()).isEqualTo(latin1Line);
        assertThat(lines.get(2).rejection().reason()).isEqualTo(RejectReason.TOO_LARGE);
        assertThat(lines.get(3).text()).isEqualTo("{\"title\": \"last\"}");
    }

    @Test
    void shouldRejectUtf16Jsonl() throws IOException {
        final Path file = write("items.jsonl", "\uFEFF{\"title\": \"x\"}\n", StandardCharsets.UTF_16LE);

        final Rejection rejection = rejectionOf(file);

        assertThat(rejection.reason()).isEqualTo(RejectReason.NOT_UTF8);
        assertThat(rejection.message()).contains("JSON Lines must be UTF-8");
    }

    @Test
    void shouldReadAStreamAsText() throws IOException {
        final ScannedFile scanned = scanner.read("stdin", InputFormat.TXT,
            new ByteArrayInputStream(CAFFE.getBytes(StandardCharsets.UTF_8)));

        assertThat(scanned).isInstanceOfSatisfying(ScannedFile.TextFile.class, text -> {
            assertThat(text.name()).isEqualTo("stdin");
            assertThat(text.file()).isNull();
            assertThat(text.text()).isEqualTo(CAFFE);
        });
    }

    /** Bytes of a test file, line by line. */
    private static final class FileBytes {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        FileBytes line(final String text) {
            return raw((text + "\n").getBytes(StandardCharsets.UTF_8));
        }

        FileBytes raw(final byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
