package io.newswire.app.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.app.Console;
import io.newswire.app.Settings;
import io.newswire.app.pipeline.OutputCollector;
import io.newswire.schema.json.RecordJson;
import io.newswire.schema.serde.AvroSerde;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineConfig;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newswire tail}: a topic's records as JSON lines, read as downstream consumers do (read_committed). */
@Command(name = "tail", mixinStandardHelpOptions = true,
    description = "Prints a topic's records as JSON lines (read_committed, like downstream consumers), "
        + "following new ones until Ctrl-C, --max or --idle.")
public final class TailCommand implements Callable<Integer> {

    @Mixin
    private CommonOptions common;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "e.g. news.security")
    private String topic;

    @Option(names = "--from-beginning", description = "Start at the oldest record instead of new ones.")
    private boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
    private long max = Long.MAX_VALUE;

    @Option(names = "--idle", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "Stop when no record came for this long (e.g. 10s).")
    private Duration idle;

    @Override
    public Integer call() {
        final Console console = Console.system();
        final Settings settings = common.settings();
        final String servers = settings.requireBootstrapServers();
        final AvroSerde<? extends SpecificRecord> serde =
            OutputCollector.serdeFor(topic, settings.pipeline(),
                new NewswireSerdes(settings.pipeline().schemaRegistry()));
        final Properties props = settings.kafka();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-tail-" + UUID.randomUUID());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, byte[]> consumer =
                 new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            final List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("topic " + topic + " does not exist on "
                    + servers + "; list the pipeline's topics with --help of 'newswire run'");
            }
            final List<TopicPartition> partitions = new ArrayList<>();
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            long printed = 0;
            long lastRecord = System.nanoTime();
            while (printed < max) {
                for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    console.result("%s", render(serde, record));
                    lastRecord = System.nanoTime();
                    if (++printed >= max) {
                        break;
                    }
                }
                if (idle != null && System.nanoTime() - lastRecord > idle.toNanos()) {
                    break;
                }
            }
        }
        return 0;
    }

    private static String render(final AvroSerde<? extends SpecificRecord> serde,
                                 final ConsumerRecord<String, byte[]> record) {
        try {
            return record.value() == null ? "null" : RecordJson.toJsonLine(serde.decode(record.value()));
        } catch (final SerializationException e) {
            final ObjectNode unreadable = JsonNodeFactory.instance.objectNode()
                .put("_unreadable", e.getMessage()).put("partition", record.partition()).put("offset", record.offset());
            return unreadable.toString();
        }
    }
}
