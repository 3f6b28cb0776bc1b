package io.newswire.app.ops;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code /status} page: one self-contained HTML document (inline CSS and SVG, no script, no external font or
 * file) that reloads itself every refresh interval. At the top the overall status and the figures an operator asks
 * first (how far behind, how much flows in and out, dead letters); then the stages in the pipeline's flow order, each
 * with its status colour, lag in records and seconds, consume rate, time to catch up and 30-minute charts.
 */
public final class StatusPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
        .withZone(ZoneOffset.UTC);

    private StatusPage() {
    }

    /**
     * @param component what the process is ({@code streams}, {@code run}, {@code broker}…)
     * @param health    the process's health, shown beside the status
     * @param lag       the lag monitor, null in a process without one
     * @param totals    the process's own counters (items in, routed, duplicates, dead letters), empty when none
     */
    public static String render(final String component, final Health health, final LagMonitor lag,
                                final Map<String, Double> totals) {
        final long now = System.currentTimeMillis();
        final StringBuilder html = new StringBuilder(16_384);
        final long refreshSeconds = lag == null ? 5 : Math.max(1, lag.settings().refresh().toSeconds());
        final LagMonitor.Snapshot snapshot = lag == null ? LagMonitor.Snapshot.NONE : lag.snapshot();
        final List<StageLag> stages = lag == null ? List.of() : StageLag.of(snapshot.rows(), lag.config());
        LagStatus overall = LagStatus.OK;
        for (final StageLag stage : stages) {
            overall = StageLag.worse(overall, stage.status());
        }
        if (snapshot.error() != null) {
            overall = LagStatus.ERROR;
        }
        final Health.Verdict live = health.live();
        final Health.Verdict ready = health.ready();
        final String application = lag == null ? "" : " · " + lag.config().applicationId();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .append("<meta http-equiv=\"refresh\" content=\"").append(refreshSeconds).append("\">")
            .append("<title>").append(overall).append(" · newswire ").append(escape(component))
            .append(escape(application)).append("</title><style>").append(CSS).append("</style></head><body>");
        html.append("<header><h1>newswire <span class=\"muted\">").append(escape(component)).append(escape(application))
            .append("</span></h1><div class=\"badge big ").append(overall.name()).append("\">").append(overall)
            .append("</div><div class=\"health\">").append(verdict("live", live)).append(verdict("ready", ready))
            .append("</div><div class=\"muted when\">").append(TIME.format(Instant.ofEpochMilli(now)))
            .append("</div></header>");

        if (lag != null) {
            tiles(html, lag, snapshot, stages, totals);
            flow(html, lag, stages);
            outputs(html, lag, snapshot, stages);
            footer(html, lag, snapshot);
        } else {
            html.append("<p class=\"muted\">This process reads no lag (it publishes). Its counters are on "
                + "<a href=\"/metrics\">/metrics</a>.</p>");
            totalsTable(html, totals);
        }
        html.append("</body></html>");
        return html.toString();
    }

    private static void tiles(final StringBuilder html, final LagMonitor lag, final LagMonitor.Snapshot snapshot,
                              final List<StageLag> stages, final Map<String, Double> totals) {
        final String raw = lag.config().topics().raw();
        final String dlq = lag.config().topics().dlq();
        double pipelineBehind = 0;
        long pipelineRecords = 0;
        for (final StageLag stage : stages) {
            if (stage.group().equals(lag.config().applicationId())) {
                pipelineBehind = Math.max(pipelineBehind, stage.lagSeconds());
                pipelineRecords += stage.lagRecords();
            }
        }
        final Timeline timeline = lag.timeline();
        final double in = last(timeline.points("appended_per_second|" + raw));
        double out = 0;
        for (final String topic : lag.config().outputTopics()) {
            if (!topic.equals(dlq) && !topic.equals(lag.config().topics().duplicates())) {
                out += last(timeline.points("appended_per_second|" + topic));
            }
        }
        long deadLetters = 0;
        for (final Map.Entry<org.apache.kafka.common.TopicPartition, Long> end : snapshot.logEnds().entrySet()) {
            if (end.getKey().topic().equals(dlq)) {
                deadLetters += end.getValue();
            }
        }
        html.append("<section class=\"tiles\">");
        tile(html, "pipeline behind", String.format(Locale.ROOT, "%.1f s", pipelineBehind),
            String.format(Locale.ROOT, "%,d records waiting", pipelineRecords));
        tile(html, "into " + raw, rate(in), "offsets appended a second");
        tile(html, "out to the routes", rate(out), "offsets appended a second");
        tile(html, "dead letters", String.format(Locale.ROOT, "%,d", deadLetters),
            rate(last(timeline.points("appended_per_second|" + dlq))) + " now, on " + dlq);
        html.append("</section>");
        html.append("<section class=\"charts\">");
        chart(html, "into " + raw + " /s", timeline.points("appended_per_second|" + raw), timeline.spanMillis(),
            "#1565c0");
        chart(html, "dead letters /s", timeline.points("appended_per_second|" + dlq), timeline.spanMillis(),
            "#c62828");
        html.append("</section>");
        if (!totals.isEmpty()) {
            totalsTable(html, totals);
        }
    }

    private static void flow(final StringBuilder html, final LagMonitor lag, final List<StageLag> stages) {
        html.append("<h2>Stages, in flow order</h2><table class=\"flow\"><thead><tr><th>status</th><th>stage</th>"
            + "<th>group</th><th>topic</th><th class=\"n\">partitions</th><th class=\"n\">lag (records)</th>"
            + "<th class=\"n\">lag (s)</th><th class=\"n\">consumed /s</th><th class=\"n\">catch-up</th>"
            + "<th>lag (s), 30 min</th><th>lag (records), 30 min</th></tr></thead><tbody>");
        if (stages.isEmpty()) {
            html.append("<tr><td colspan=\"11\" class=\"muted\">No committed offsets yet for the pipeline's group or "
                + "any reader of its output topics.</td></tr>");
        }
        for (final StageLag stage : stages) {
            html.append("<tr><td><span class=\"badge ").append(stage.status().name()).append("\">")
                .append(stage.status()).append("</span></td><td class=\"stage\">").append(escape(stage.stage()))
                .append("</td><td>").append(escape(stage.group()))
                .append(stage.groupActive() ? "" : " <span class=\"muted\">(no members)</span>")
                .append("</td><td>").append(escape(stage.topic())).append("</td><td class=\"n\">")
                .append(stage.partitions()).append("</td><td class=\"n\">")
                .append(String.format(Locale.ROOT, "%,d", stage.lagRecords())).append("</td><td class=\"n\">")
                .append(String.format(Locale.ROOT, "%.1f", stage.lagSeconds())).append("</td><td class=\"n\">")
                .append(Double.isNaN(stage.consumedPerSecond()) ? "–"
                    : String.format(Locale.ROOT, "%.1f", stage.consumedPerSecond()))
                .append("</td><td class=\"n\">").append(catchUp(stage)).append("</td><td>");
            chart(html, null, lag.timeline().points("lag_seconds|" + stage.key()), lag.timeline().spanMillis(),
                "#6a1b9a");
            html.append("</td><td>");
            chart(html, null, lag.timeline().points("lag_records|" + stage.key()), lag.timeline().spanMillis(),
                "#00695c");
            html.append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    /** Each output topic: what it holds, how fast it grows, and who reads it (the readers' own rows are above). */
    private static void outputs(final StringBuilder html, final LagMonitor lag, final LagMonitor.Snapshot snapshot,
                                final List<StageLag> stages) {
        html.append("<h2>Output topics</h2><table class=\"flow\"><thead><tr><th>topic</th>"
            + "<th class=\"n\">log end (offsets)</th><th class=\"n\">appended /s</th><th>readers</th>"
            + "<th>appended /s, 30 min</th></tr></thead><tbody>");
        for (final String topic : lag.config().outputTopics()) {
            long end = 0;
            for (final Map.Entry<org.apache.kafka.common.TopicPartition, Long> partition
                : snapshot.logEnds().entrySet()) {
                if (partition.getKey().topic().equals(topic)) {
                    end += partition.getValue();
                }
            }
            final List<Timeline.Point> points = lag.timeline().points("appended_per_second|" + topic);
            html.append("<tr><td class=\"stage\">").append(escape(topic)).append("</td><td class=\"n\">")
                .append(String.format(Locale.ROOT, "%,d", end)).append("</td><td class=\"n\">")
                .append(String.format(Locale.ROOT, "%.1f", last(points))).append("</td><td>");
            boolean any = false;
            for (final StageLag stage : stages) {
                if (stage.topic().equals(topic)) {
                    html.append("<span class=\"badge ").append(stage.status().name()).append("\">")
                        .append(stage.status()).append("</span> ").append(escape(stage.group())).append(' ');
                    any = true;
                }
            }
            if (!any) {
                html.append("<span class=\"muted\">none with committed offsets</span>");
            }
            html.append("</td><td>");
            chart(html, null, points, lag.timeline().spanMillis(), "#1565c0");
            html.append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    private static void footer(final StringBuilder html, final LagMonitor lag, final LagMonitor.Snapshot snapshot) {
        final OpsSettings settings = lag.settings();
        html.append("<footer class=\"muted\">");
        if (snapshot.error() != null) {
            html.append("<p class=\"error\">Last lag reading failed: ").append(escape(snapshot.error()))
                .append("</p>");
        }
        html.append("<p>").append(snapshot.readAt() == 0 ? "No lag reading yet."
                : "Lag read at " + TIME.format(Instant.ofEpochMilli(snapshot.readAt())) + " in "
                + snapshot.readMillis() + " ms")
            .append(String.format(Locale.ROOT, "; read every %d s; WARN and STALL judged over %d s from %d record(s) "
                    + "and %d s of lag waiting; STOP as soon as records wait for a group with no members. ",
                settings.refresh().toSeconds(), settings.window().toSeconds(), settings.alertRecords(),
                settings.alertLag().toSeconds()))
            .append("<a href=\"/lag\">/lag</a> · <a href=\"/metrics\">/metrics</a> · "
                + "<a href=\"/health/ready\">/health/ready</a></p>")
            .append("<p><span class=\"badge OK\">OK</span> keeping up · <span class=\"badge WARN\">WARN</span> lag "
                + "growing through the window · <span class=\"badge STALL\">STALL</span> members, offset not moving "
                + "· <span class=\"badge STOP\">STOP</span> no members while records wait · <span class=\"badge "
                + "REWIND\">REWIND</span> offset went back · <span class=\"badge ERROR\">ERROR</span> not readable"
                + "</p></footer>");
    }

    private static void totalsTable(final StringBuilder html, final Map<String, Double> totals) {
        if (totals.isEmpty()) {
            return;
        }
        html.append("<table class=\"totals\"><tr>");
        totals.keySet().forEach(name -> html.append("<th>").append(escape(name)).append("</th>"));
        html.append("</tr><tr>");
        totals.values().forEach(value -> html.append("<td class=\"n\">")
            .append(String.format(Locale.ROOT, "%,.0f", value)).append("</td>"));
        html.append("</tr></table><p class=\"muted small\">Counted by this process since it started.</p>");
    }

    private static void tile(final StringBuilder html, final String label, final String value, final String note) {
        html.append("<div class=\"tile\"><div class=\"label\">").append(escape(label))
            .append("</div><div class=\"value\">").append(escape(value)).append("</div><div class=\"muted small\">")
            .append(escape(note)).append("</div></div>");
    }

    /** A 30-minute line chart as inline SVG: time to the right, 0 at the bottom, the largest value labelled. */
    static void chart(final StringBuilder html, final String title, final List<Timeline.Point> points,
                      final long spanMillis, final String colour) {
        final int width = 220;
        final int height = 44;
        if (title != null) {
            html.append("<figure><figcaption>").append(escape(title)).append("</figcaption>");
        }
        html.append("<svg class=\"chart\" width=\"").append(width).append("\" height=\"").append(height)
            .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
            .append("\" role=\"img\" aria-label=\"").append(title == null ? "30-minute chart" : escape(title))
            .append("\"><rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
            .append("\" class=\"frame\"/>");
        if (points.isEmpty()) {
            html.append("<text x=\"6\" y=\"26\" class=\"axis\">no data yet</text>");
        } else {
            // The last 30 minutes, or what there is of them: a fresh process's few minutes fill the chart.
            final long end = points.get(points.size() - 1).at();
            final long start = Math.max(end - spanMillis, points.get(0).at());
            final long shown = Math.max(1, end - start);
            double max = 0;
            for (final Timeline.Point point : points) {
                max = Math.max(max, point.value());
            }
            final double top = max <= 0 ? 1 : max;
            final List<String> coordinates = new ArrayList<>();
            for (final Timeline.Point point : points) {
                final double x = (point.at() - start) * (width - 2.0) / shown + 1;
                final double y = height - 3 - point.value() / top * (height - 14);
                coordinates.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            }
            if (coordinates.size() == 1) {
                coordinates.add(coordinates.get(0));
            }
            html.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"")
                .append(String.join(" ", coordinates)).append("\"/>")
                .append("<text x=\"4\" y=\"10\" class=\"axis\">max ").append(compact(max)).append("</text>")
                .append("<text x=\"").append(width - 4).append("\" y=\"10\" class=\"axis end\">now ")
                .append(compact(points.get(points.size() - 1).value())).append("</text>")
                .append("<text x=\"").append(width - 4).append("\" y=\"").append(height - 4)
                .append("\" class=\"axis end\">last ").append(span(shown)).append("</text>");
        }
        html.append("</svg>");
        if (title != null) {
            html.append("</figure>");
        }
    }

    private static String span(final long millis) {
        return millis >= 120_000 ? millis / 60_000 + " min" : Math.max(1, millis / 1000) + " s";
    }

    private static String verdict(final String name, final Health.Verdict verdict) {
        return "<span class=\"badge " + (verdict.up() ? "OK" : "STOP") + "\" title=\"" + escape(verdict.reason())
            + "\">" + name + (verdict.up() ? " ✓" : " ✗") + "</span> <span class=\"small muted\">"
            + escape(verdict.reason()) + "</span> ";
    }

    private static String catchUp(final StageLag stage) {
        if (stage.lagRecords() == 0) {
            return "–";
        }
        if (Double.isNaN(stage.secondsToCatchUp())) {
            return "?";
        }
        return Double.isInfinite(stage.secondsToCatchUp()) ? "never"
            : String.format(Locale.ROOT, "%.0f s", stage.secondsToCatchUp());
    }

    private static double last(final List<Timeline.Point> points) {
        return points.isEmpty() ? 0 : points.get(points.size() - 1).value();
    }

    private static String rate(final double perSecond) {
        return String.format(Locale.ROOT, "%.1f /s", perSecond);
    }

    private static String compact(final double value) {
        if (value >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", value / 1e6);
        }
        if (value >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", value / 1e3);
        }
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
            : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(final String text) {
        if (text == null) {
            return "";
        }
        final StringBuilder out = new StringBuilder(text.length());
        for (final char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String CSS = String.join("",
        "body{font:14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:16px 24px;color:#1b1b1b;",
        "background:#fafafa}",
        "header{display:flex;align-items:center;gap:16px;flex-wrap:wrap;border-bottom:1px solid #ddd;",
        "padding-bottom:8px}h1{font-size:20px;margin:0}h2{font-size:16px;margin:20px 0 8px}",
        ".muted{color:#666}.small{font-size:12px}.when{margin-left:auto}",
        ".badge{display:inline-block;padding:2px 8px;border-radius:10px;color:#fff;font-weight:600;font-size:12px}",
        ".badge.big{font-size:18px;padding:4px 14px;border-radius:14px}",
        ".OK{background:#2e7d32}.WARN{background:#f9a825;color:#1b1b1b}.STALL{background:#ef6c00}",
        ".STOP{background:#c62828}.REWIND{background:#1565c0}.ERROR{background:#6a1b9a}",
        ".tiles{display:flex;gap:12px;margin:16px 0;flex-wrap:wrap}",
        ".tile{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:170px}",
        ".tile .label{color:#555;font-size:12px;text-transform:uppercase;letter-spacing:.04em}",
        ".tile .value{font-size:24px;font-weight:600}",
        ".charts{display:flex;gap:16px;flex-wrap:wrap}figure{margin:0}figcaption{font-size:12px;color:#555}",
        "table{border-collapse:collapse;background:#fff}th,td{border-bottom:1px solid #e5e5e5;padding:4px 8px;",
        "text-align:left;vertical-align:middle}th{font-size:12px;color:#555;font-weight:600}",
        "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.stage{font-weight:600}",
        ".totals{margin-top:12px}.chart .frame{fill:#fff;stroke:#e0e0e0}",
        ".chart .axis{font-size:9px;fill:#777}.chart .end{text-anchor:end}",
        "footer{margin-top:18px;font-size:12px}.error{color:#c62828;font-weight:600}a{color:#1565c0}");
}
