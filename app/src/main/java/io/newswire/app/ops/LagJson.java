package io.newswire.app.ops;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A lag reading as JSON: what {@code newswire lag --json} prints and {@code /lag} serves. */
public final class LagJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LagJson() {
    }

    /** The readings as JSON, one object per group and partition. */
    public static ArrayNode of(final List<LagJudge.Judged> judged) {
        final ArrayNode array = JSON.createArrayNode();
        for (final LagJudge.Judged one : judged) {
            final PartitionLag lag = one.lag();
            final ObjectNode node = array.addObject();
            node.put("group", lag.group());
            node.put("stage", lag.stage());
            node.put("topic", lag.partition().topic());
            node.put("partition", lag.partition().partition());
            node.put("topic_id", lag.topicId());
            node.put("committed", lag.committed());
            node.put("end", lag.logEnd());
            node.put("last_stable", lag.lastStable());
            node.put("lag_records", lag.lagRecords());
            node.put("lag_seconds", lag.lagSeconds());
            if (lag.firstUnconsumed() >= 0) {
                node.put("first_unconsumed_timestamp", lag.firstUnconsumed());
            } else {
                node.putNull("first_unconsumed_timestamp");
            }
            node.put("group_active", lag.groupActive());
            node.put("status", one.status().name());
            if (Double.isNaN(one.consumedPerSecond())) {
                node.putNull("consumed_per_second");
            } else {
                node.put("consumed_per_second", one.consumedPerSecond());
            }
            if (Double.isInfinite(one.secondsToCatchUp()) || Double.isNaN(one.secondsToCatchUp())) {
                node.putNull("seconds_to_catch_up");
            } else {
                node.put("seconds_to_catch_up", one.secondsToCatchUp());
            }
            node.put("read_at", lag.readAt());
        }
        return array;
    }
}
