package io.newswire.app.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The figures of a {@link Scoreboard} as Markdown tables (for people and notes) or as one JSON object. */
public final class EvalReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Scoreboard board;
    private final List<String> macroTopics;

    /** @param macroTopics the topics whose F1 the macro average is taken over */
    public EvalReport(final Scoreboard board, final List<String> macroTopics) {
        this.board = board;
        this.macroTopics = List.copyOf(macroTopics);
    }

    public String markdown() {
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d items evaluated, %d with editors' topics%n", board.items(),
                board.topicItems()));
        if (board.topicItems() > 0) {
            out.append("\n## Topics\n\n| topic | support | precision | recall | F1 |\n|---|---|---|---|---|\n");
            for (final Scoreboard.TopicRow row : board.topicRows()) {
                out.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", row.topic(),
                        row.support(), row.precision(), row.recall(), row.f1()));
            }
            out.append(String.format(Locale.ROOT, "| **macro-F1** (%s) | | | | **%.3f** |%n",
                    String.join(", ", macroTopics), board.macroF1(macroTopics)));
            out.append(String.format(Locale.ROOT, "| micro-F1 (all topics) | | | | %.3f |%n", board.microF1()));
        }
        if (board.speakersLabelled() > 0) {
            out.append(String.format(Locale.ROOT, "%n## Speakers%n%n| labelled speakers | labelled | found | recall |%n"
                    + "|---|---|---|---|%n| all | %d | %d | %.3f |%n| names and roles (not sentences) | %d | %d | %.3f |%n"
                    + "%nprecision (speakers found in items with speaker labels that the labels name): %.3f%n",
                    board.speakersLabelled(), board.speakersFound(), board.speakerRecall(),
                    board.nameSpeakersLabelled(), board.nameSpeakersFound(), board.nameSpeakerRecall(),
                    board.speakerPrecision()));
        }
        if (!board.languageRows().isEmpty()) {
            out.append("\n## Language\n\n| language | items | correct | unknown | accuracy | mistaken for |\n"
                    + "|---|---|---|---|---|---|\n");
            for (final Scoreboard.LanguageRow row : board.languageRows()) {
                out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.4f | %s |%n", row.language(),
                        row.items(), row.correct(), row.unknown(), row.accuracy(),
                        board.languageConfusions().getOrDefault(row.language(), Map.of())));
            }
            out.append(String.format(Locale.ROOT, "| **all** | | | | **%.4f** | |%n", board.languageAccuracy()));
        }
        return out.toString();
    }

    public String json() {
        return json(null);
    }

    /** The figures as one JSON object, with {@code summary}'s rows (per file and language) under {@code sets}. */
    public String json(final EvalSummary summary) {
        final Map<String, Object> report = new LinkedHashMap<>();
        report.put("items", board.items());
        report.put("items_with_topics", board.topicItems());
        final Map<String, Object> topics = new LinkedHashMap<>();
        for (final Scoreboard.TopicRow row : board.topicRows()) {
            topics.put(row.topic(), Map.of("support", row.support(), "precision", round(row.precision()),
                    "recall", round(row.recall()), "f1", round(row.f1())));
        }
        report.put("topics", topics);
        report.put("macro_f1", Map.of("topics", macroTopics, "value", round(board.macroF1(macroTopics))));
        report.put("micro_f1", round(board.microF1()));
        if (board.speakersLabelled() > 0) {
            report.put("speakers", Map.of("labelled", board.speakersLabelled(), "found", board.speakersFound(),
                    "recall", round(board.speakerRecall()), "precision", round(board.speakerPrecision()),
                    "names_and_roles", Map.of("labelled", board.nameSpeakersLabelled(),
                            "found", board.nameSpeakersFound(), "recall", round(board.nameSpeakerRecall()))));
        }
        final Map<String, Object> languages = new LinkedHashMap<>();
        for (final Scoreboard.LanguageRow row : board.languageRows()) {
            languages.put(row.language(), Map.of("items", row.items(), "correct", row.correct(),
                    "unknown", row.unknown(), "accuracy", round(row.accuracy())));
        }
        if (!languages.isEmpty()) {
            report.put("languages", languages);
            report.put("language_accuracy", round(board.languageAccuracy()));
        }
        if (summary != null) {
            report.put("sets", summary.json());
        }
        try {
            return JSON.writeValueAsString(report);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("cannot write the evaluation report as JSON", e);
        }
    }

    private static double round(final double value) {
        return Math.round(value * 10000.0) / 10000.0;
    }
}
