package io.newswire.streams.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the enrichment data files: UTF-8, tab-separated columns, {@code #} comments and blank lines ignored.
 * Errors name the file and line. Forms may hold alternations written {@code {a,b,c}}, expanded here, so one line
 * lists a word's inflections: {@code Казахстан{,а,е,у,ом}} → Казахстан, Казахстана, Казахстане, …
 */
public final class LexiconFile {

    /** One data line: its columns, and where it was read for error messages. */
    public record Line(List<String> columns, String origin) {

        public String column(final int index) {
            return columns.get(index);
        }
    }

    private static final Pattern ALTERNATION = Pattern.compile("\\{([^{}]*)}");

    private LexiconFile() {
    }

    /** Reads a resource next to this class, failing loudly when it is missing (a packaging error). */
    public static List<Line> resource(final String name, final int columns) {
        try (InputStream in = LexiconFile.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("enrichment resource " + name + " is missing from the classpath");
            }
            return read(in, name, columns);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read enrichment resource " + name, e);
        }
    }

    /** Reads a user-supplied file. */
    public static List<Line> file(final Path path, final int columns) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString(), columns);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage()
                    + " (check the path given in the enrichment settings)", e);
        }
    }

    /** Every form an alternation pattern stands for, in order: {@code a{b,c}d} → abd, acd. */
    public static List<String> expand(final String pattern) {
        final Matcher group = ALTERNATION.matcher(pattern);
        if (!group.find()) {
            return List.of(pattern);
        }
        final List<String> forms = new ArrayList<>();
        final String head = pattern.substring(0, group.start());
        final List<String> tails = expand(pattern.substring(group.end()));
        for (final String option : group.group(1).split(",", -1)) {
            for (final String tail : tails) {
                forms.add(head + option.trim() + tail);
            }
        }
        return forms;
    }

    private static List<Line> read(final InputStream in, final String origin, final int columns) throws IOException {
        final List<Line> lines = new ArrayList<>();
        final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String text;
        int number = 0;
        while ((text = reader.readLine()) != null) {
            number++;
            final String trimmed = text.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            final String[] fields = trimmed.split("\t");
            if (fields.length != columns) {
                throw new IllegalArgumentException(origin + ":" + number + ": expected " + columns
                        + " tab-separated columns, found " + fields.length + " in '" + trimmed + "'");
            }
            final List<String> values = new ArrayList<>();
            for (final String field : fields) {
                values.add(field.strip());
            }
            lines.add(new Line(List.copyOf(values), origin + ":" + number));
        }
        return lines;
    }
}
