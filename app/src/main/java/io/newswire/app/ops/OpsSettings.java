package io.newswire.app.ops;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import io.newswire.streams.Durations;
import io.newswire.streams.NewswireConfigDef;

/**
 * The operations settings ({@code newswire.ops.*}): where the HTTP endpoints listen, how often the lag is read and
 * how it is judged.
 *
 * @param httpPort     the endpoints' port, null for the command's default; 0 for any free port, -1 for none
 * @param refresh      time between lag readings
 * @param window       how far back WARN and STALL look
 * @param alertRecords records waiting from which a partition can alert
 * @param alertLag     age of the oldest waiting record from which WARN and STALL can be told
 * @param readyLag     the pipeline's largest lag at which it still counts as ready
 */
public record OpsSettings(Integer httpPort, Duration refresh, Duration window, long alertRecords, Duration alertLag,
                          Duration readyLag) {

    /** Off: no endpoint; the lag figures with their defaults. */
    public static final int OFF = -1;

    /**
     * Reads the {@code newswire.ops.*} keys of {@code properties}.
     *
     * @throws IllegalArgumentException naming the key and the expected form when a value is not usable
     */
    public static OpsSettings from(final Properties properties) {
        final Map<String, Object> parsed = NewswireConfigDef.parse(properties);
        return new OpsSettings((Integer) parsed.get(NewswireConfigDef.OPS_HTTP_PORT),
            Durations.parse((String) parsed.get(NewswireConfigDef.OPS_LAG_REFRESH)),
            Durations.parse((String) parsed.get(NewswireConfigDef.OPS_LAG_WINDOW)),
            (Long) parsed.get(NewswireConfigDef.OPS_ALERT_RECORDS),
            Durations.parse((String) parsed.get(NewswireConfigDef.OPS_ALERT_LAG)),
            Durations.parse((String) parsed.get(NewswireConfigDef.OPS_READY_LAG)));
    }

    /** The port to listen on: {@code option} when given, else the setting, else {@code commandDefault}. */
    public int portOr(final Integer option, final int commandDefault) {
        if (option != null) {
            return option;
        }
        return httpPort != null ? httpPort : commandDefault;
    }

    /** The same settings with another refresh interval (the benchmarks and tests read faster). */
    public OpsSettings withRefresh(final Duration other) {
        return new OpsSettings(httpPort, other, window, alertRecords, alertLag, readyLag);
    }

    /** A judge with these thresholds. */
    public LagJudge judge() {
        return new LagJudge(window, alertRecords, alertLag);
    }
}
