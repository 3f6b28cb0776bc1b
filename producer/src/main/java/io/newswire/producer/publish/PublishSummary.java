package io.newswire.producer.publish;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a producer run did, for the command line to print and for callers to check: files read and rejected, items
 * acknowledged by Kafka, refused by it and failed, lines rejected, rejections per reason, and the latest failure
 * messages. Every input item is exactly one of published, rejected (refused) or failed; every rejection was sent to
 * the dead-letter topic, where it arrived unless counted in {@code deadLettersFailed}.
 *
 * @param filesRead         files read (at least partly) into items or rejected lines
 * @param filesRejected     whole files rejected (missing, empty, binary, not UTF-8, too large, unparseable)
 * @param itemsPublished    wire items acknowledged by Kafka
 * @param itemsFailed       wire items Kafka did not take (unreachable, not authorized…); not dead-lettered
 * @param itemsRejected     wire items Kafka refused for good (too large, not serializable), dead-lettered instead
 * @param linesRejected     .jsonl lines rejected
 * @param deadLettersFailed rejections that could not be published to the dead-letter topic
 * @param rejectsByReason   rejections (files, lines and refused items) per reason code, e.g. {@code not-utf8 -> 1}
 * @param failures          the latest publishing failures (at most 20), in words, oldest first
 * @param skipped           files inside input folders skipped as neither .txt nor .jsonl
 */
public record PublishSummary(long filesRead, long filesRejected, long itemsPublished, long itemsFailed,
                             long itemsRejected, long linesRejected, long deadLettersFailed,
                             Map<String, Long> rejectsByReason, List<String> failures, List<String> skipped) {

    public PublishSummary {
        rejectsByReason = Map.copyOf(Objects.requireNonNull(rejectsByReason, "rejectsByReason"));
        failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
        skipped = List.copyOf(Objects.requireNonNull(skipped, "skipped"));
    }

    /** Files, lines and items rejected: the inputs sent to the dead-letter topic. */
    public long rejects() {
        return filesRejected + linesRejected + itemsRejected;
    }

    /** True when Kafka took every item and every dead letter. Rejected inputs do not make a run fail. */
    public boolean allPublished() {
        return itemsFailed == 0 && deadLettersFailed == 0;
    }

    /** The same summary, with the files skipped while listing the inputs. */
    public PublishSummary withSkipped(final List<String> skippedFiles) {
        return new PublishSummary(filesRead, filesRejected, itemsPublished, itemsFailed, itemsRejected, linesRejected,
            deadLettersFailed, rejectsByReason, failures, skippedFiles);
    }

    /**
     * One line for people, e.g. "3 files read, 1 rejected; 12 items published, 1 refused by Kafka, 2 failed;
     * 2 lines rejected (empty: 1, invalid-json: 2, too-large: 1)".
     */
    public String describe() {
        final StringBuilder text = new StringBuilder()
            .append(filesRead).append(filesRead == 1 ? " file read, " : " files read, ")
            .append(filesRejected).append(" rejected; ")
            .append(itemsPublished).append(itemsPublished == 1 ? " item published" : " items published");
        if (itemsRejected > 0) {
            text.append(", ").append(itemsRejected).append(" refused by Kafka");
        }
        if (itemsFailed > 0) {
            text.append(", ").append(itemsFailed).append(" failed");
        }
        text.append("; ").append(linesRejected).append(linesRejected == 1 ? " line rejected" : " lines rejected");
        if (!rejectsByReason.isEmpty()) {
            text.append(" (");
            String separator = "";
            for (final Map.Entry<String, Long> reason : new TreeMap<>(rejectsByReason).entrySet()) {
                text.append(separator).append(reason.getKey()).append(": ").append(reason.getValue());
                separator = ", ";
            }
            text.append(')');
        }
        if (deadLettersFailed > 0) {
            text.append("; ").append(deadLettersFailed).append(" dead letters failed");
        }
        return text.toString();
    }
}
