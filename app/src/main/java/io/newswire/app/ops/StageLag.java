package io.newswire.app.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.newswire.streams.PipelineConfig;

/**
 * One stage's lag for one group, summed over its partitions: what a row of the status page and a group-level metric
 * show.
 *
 * @param stage          {@code input}, an internal topic's name, or {@code output <topic>}
 * @param group          the consumer group
 * @param topic          the topic the stage reads
 * @param partitions     partitions the group has offsets on
 * @param lagRecords     records waiting, summed
 * @param lagSeconds     the oldest waiting record's age, the largest over the partitions
 * @param consumedPerSecond records consumed a second over the window, summed; NaN while unknown
 * @param secondsToCatchUp at that rate; NaN while unknown, infinite when nothing is consumed
 * @param status         the worst status of the partitions
 * @param groupActive    whether the group has members
 */
public record StageLag(String stage, String group, String topic, int partitions, long lagRecords, double lagSeconds,
                       double consumedPerSecond, double secondsToCatchUp, LagStatus status, boolean groupActive) {

    /** A stable key for the stage's history: group and stage. */
    public String key() {
        return group + "|" + stage;
    }

    /**
     * The stages of {@code rows}, in the pipeline's flow order: news.raw, the internal topics, then each output topic
     * in the configured order (its readers by name), then anything else.
     */
    public static List<StageLag> of(final List<LagJudge.Judged> rows, final PipelineConfig config) {
        final Map<String, List<LagJudge.Judged>> byStage = new LinkedHashMap<>();
        for (final LagJudge.Judged row : rows) {
            byStage.computeIfAbsent(row.lag().group() + "|" + row.lag().stage(), key -> new ArrayList<>()).add(row);
        }
        final List<StageLag> stages = new ArrayList<>();
        for (final List<LagJudge.Judged> partitions : byStage.values()) {
            stages.add(summed(partitions));
        }
        stages.sort(Comparator.comparingInt((StageLag stage) -> rank(stage, config)).thenComparing(StageLag::group)
            .thenComparing(StageLag::stage));
        return stages;
    }

    private static StageLag summed(final List<LagJudge.Judged> partitions) {
        final PartitionLag first = partitions.get(0).lag();
        long records = 0;
        double seconds = 0;
        double rate = 0;
        double eta = 0;
        LagStatus status = LagStatus.OK;
        for (final LagJudge.Judged one : partitions) {
            records += one.lag().lagRecords();
            seconds = Math.max(seconds, one.lag().lagSeconds());
            rate += one.consumedPerSecond();
            eta = Double.isNaN(one.secondsToCatchUp()) || Double.isNaN(eta) ? Double.NaN
                : Math.max(eta, one.secondsToCatchUp());
            status = worse(status, one.status());
        }
        return new StageLag(first.stage(), first.group(), first.partition().topic(), partitions.size(), records,
            seconds, rate, records == 0 ? 0.0 : eta, status, first.groupActive());
    }

    /** The worse of two statuses: ERROR, STOP, STALL, WARN, REWIND, then OK. */
    public static LagStatus worse(final LagStatus a, final LagStatus b) {
        return severity(b) > severity(a) ? b : a;
    }

    /** How bad a status is, for ordering: OK 0, REWIND 1, WARN 2, STALL 3, STOP 4, ERROR 5. */
    public static int severity(final LagStatus status) {
        return switch (status) {
            case OK -> 0;
            case REWIND -> 1;
            case WARN -> 2;
            case STALL -> 3;
            case STOP -> 4;
            case ERROR -> 5;
        };
    }

    private static int rank(final StageLag stage, final PipelineConfig config) {
        if (stage.topic().equals(config.topics().raw())) {
            return 0;
        }
        if (stage.group().equals(config.applicationId())) {
            return 1;
        }
        final int output = config.outputTopics().indexOf(stage.topic());
        return output >= 0 ? 2 + output : 1000;
    }
}
