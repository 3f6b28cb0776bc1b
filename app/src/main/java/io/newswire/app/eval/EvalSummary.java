package io.newswire.app.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row per file, per labelled language and for everything: items, the routes the set can express (those some item
 * is labelled with), macro-F1 over them, the weakest of them, the share of route-labelled items the pipeline gave no
 * topic at all (for those routes' readers, lost), and language accuracy.
 */
public final class EvalSummary {

    /** One row of the table. */
    public record Row(String set, String kind, Scoreboard board) {
    }

    private final List<Row> rows = new ArrayList<>();

    public EvalSummary(final Evaluation.Results results) {
        results.byFile().forEach((file, board) -> rows.add(new Row(file, "file", board)));
        results.byLanguage().forEach((language, board) -> rows.add(new Row(language, "language", board)));
        rows.add(new Row("all", "all", results.all()));
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public String markdown() {
        final StringBuilder out = new StringBuilder("\n## Per file and language\n\n| set | items | route-labelled "
            + "| routes it expresses | macro-F1 | weakest route (F1, recall) | route-labelled without any topic "
            + "| language accuracy |\n|---|---:|---:|---|---:|---|---:|---:|\n");
        for (final Row row : rows) {
            final Scoreboard board = row.board();
            final Scoreboard.TopicRow weakest = board.weakestRoute();
            final List<String> routes = board.expressedRoutes();
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %s |%n",
                "all".equals(row.kind()) ? "**all**" : row.set(), board.items(), board.routeLabelled(),
                routes.isEmpty() ? "–" : String.join(", ", routes),
                routes.isEmpty() ? "–" : String.format(Locale.ROOT, "%.3f", board.macroF1(routes)),
                weakest == null ? "–" : String.format(Locale.ROOT, "%s (%.3f, %.3f)", weakest.topic(), weakest.f1(),
                    weakest.recall()),
                board.routeLabelled() == 0 ? "–"
                    : String.format(Locale.ROOT, "%.1f %%", 100 * board.routeLabelledWithoutTopicShare()),
                board.languageRows().isEmpty() ? "–"
                    : String.format(Locale.ROOT, "%.4f", board.languageAccuracy())));
        }
        return out.toString();
    }

    /** The rows as plain values, for the JSON report. */
    public List<Map<String, Object>> json() {
        final List<Map<String, Object>> list = new ArrayList<>();
        for (final Row row : rows) {
            final Scoreboard board = row.board();
            final Map<String, Object> one = new LinkedHashMap<>();
            one.put("set", row.set());
            one.put("kind", row.kind());
            one.put("items", board.items());
            one.put("route_labelled", board.routeLabelled());
            final List<String> routes = board.expressedRoutes();
            one.put("routes", routes);
            one.put("macro_f1", routes.isEmpty() ? null : round(board.macroF1(routes)));
            final Map<String, Object> perRoute = new LinkedHashMap<>();
            for (final Scoreboard.TopicRow topic : board.topicRows()) {
                if (topic.support() > 0) {
                    perRoute.put(topic.topic(), Map.of("support", topic.support(), "precision",
                        round(topic.precision()), "recall", round(topic.recall()), "f1", round(topic.f1())));
                }
            }
            one.put("per_route", perRoute);
            final Scoreboard.TopicRow weakest = board.weakestRoute();
            one.put("weakest_route", weakest == null ? null : weakest.topic());
            one.put("route_labelled_without_topic_share", round(board.routeLabelledWithoutTopicShare()));
            one.put("language_accuracy", board.languageRows().isEmpty() ? null : round(board.languageAccuracy()));
            list.add(one);
        }
        return list;
    }

    private static double round(final double value) {
        return Math.round(value * 10000.0) / 10000.0;
    }
}
