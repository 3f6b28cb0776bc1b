package io.newswire.app.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.newswire.streams.PipelineConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The least-privilege ACLs of the pipeline's three principals, derived from the pipeline config (topic names,
 * application id), never from constants: the topology's, the producer's and a downstream reader's. Each entry says
 * why it is needed; {@code SecuredPipelineIT} removes each in turn and shows the app fails without it.
 *
 * <p>Left out on purpose: DESCRIBE, which Kafka implies from READ, WRITE and DELETE on the same resource (metadata,
 * {@code describeTopics}, {@code listOffsets}, group and transactional id lookups); IDEMPOTENT_WRITE on the cluster
 * (since Kafka 3.0 an idempotent producer needs only WRITE on some topic, a transactional one WRITE on its
 * transactional id); DESCRIBE_CONFIGS on the internal topics (Kafka Streams reads their configs only in
 * {@code KafkaStreams#init}, its explicit set-up, which newswire does not call).
 */
public final class PipelineAcls {

    /** Whose ACLs. */
    public enum Role { TOPOLOGY, PRODUCER, READER }

    /**
     * One ACL (always ALLOW, from any host) and why the pipeline needs it.
     *
     * @param role      whose it is
     * @param binding   the Kafka ACL
     * @param why       what fails without it
     */
    public record Entry(Role role, AclBinding binding, String why) {

        public String principal() {
            return binding.entry().principal();
        }

        /** {@code READ TOPIC news.raw} or {@code WRITE TRANSACTIONAL_ID newswire-*} (a prefix ends with {@code *}). */
        public String describe() {
            final ResourcePattern pattern = binding.pattern();
            return binding.entry().operation() + " " + pattern.resourceType() + " " + pattern.name()
                + (pattern.patternType() == PatternType.PREFIXED ? "*" : "");
        }
    }

    /**
     * The principals and the reader's consumer group.
     *
     * @param topology    e.g. {@code User:newswire-streams}
     * @param producer    e.g. {@code User:newswire-producer}
     * @param reader      e.g. {@code User:newswire-reader}
     * @param readerGroup the downstream reader's consumer group
     */
    public record Principals(String topology, String producer, String reader, String readerGroup) {

        public static final Principals LOCAL =
            new Principals("User:newswire-streams", "User:newswire-producer", "User:newswire-reader", "newswire-reader");

        public Principals {
            topology = requirePrincipal(topology);
            producer = requirePrincipal(producer);
            reader = requirePrincipal(reader);
            Objects.requireNonNull(readerGroup, "readerGroup");
        }

        public String of(final Role role) {
            return switch (role) {
                case TOPOLOGY -> topology;
                case PRODUCER -> producer;
                case READER -> reader;
            };
        }
    }

    private PipelineAcls() {
    }

    /** {@code User:name} as given, or {@code name} made {@code User:name}. */
    public static String requirePrincipal(final String principal) {
        Objects.requireNonNull(principal, "principal");
        final String trimmed = principal.trim();
        if (trimmed.isEmpty() || trimmed.endsWith(":")) {
            throw new IllegalArgumentException("a principal looks like User:NAME, was '" + principal + "'");
        }
        return trimmed.contains(":") ? trimmed : "User:" + trimmed;
    }

    /** Every ACL of the pipeline, topology first, then producer, then reader. */
    public static List<Entry> of(final PipelineConfig config, final Principals principals) {
        final List<Entry> entries = new ArrayList<>();
        final String topology = principals.topology();
        final String raw = config.topics().raw();
        // Internal topics are <application.id>-<name>-repartition|changelog, transactional ids
        // <application.id>-<process id>-<thread>: the dash keeps another application id that merely starts with this
        // one (newswire2) out of reach.
        final String internal = config.applicationId() + "-";
        add(entries, Role.TOPOLOGY, topology, ResourceType.TOPIC, raw, PatternType.LITERAL, AclOperation.READ,
            "the topology's input (also its partition count and end offsets, by DESCRIBE, which READ implies)");
        for (final String output : config.outputTopics()) {
            add(entries, Role.TOPOLOGY, topology, ResourceType.TOPIC, output, PatternType.LITERAL, AclOperation.WRITE,
                "an output of the topology");
        }
        add(entries, Role.TOPOLOGY, topology, ResourceType.GROUP, config.applicationId(), PatternType.LITERAL,
            AclOperation.READ, "the consumer group of Kafka Streams (join, commit offsets in transactions)");
        add(entries, Role.TOPOLOGY, topology, ResourceType.TRANSACTIONAL_ID, internal, PatternType.PREFIXED,
            AclOperation.WRITE, "exactly_once_v2: one transactional producer per stream thread");
        add(entries, Role.TOPOLOGY, topology, ResourceType.TOPIC, internal, PatternType.PREFIXED, AclOperation.CREATE,
            "Kafka Streams creates its repartition and changelog topics");
        add(entries, Role.TOPOLOGY, topology, ResourceType.TOPIC, internal, PatternType.PREFIXED, AclOperation.READ,
            "reading the repartition topic and restoring the stores from their changelogs");
        add(entries, Role.TOPOLOGY, topology, ResourceType.TOPIC, internal, PatternType.PREFIXED, AclOperation.WRITE,
            "writing the repartition topic and the changelogs");
        add(entries, Role.TOPOLOGY, topology, ResourceType.TOPIC, internal, PatternType.PREFIXED, AclOperation.DELETE,
            "purging consumed records of the repartition topic (without it Kafka Streams only warns, and the "
                + "repartition topic, kept forever, grows)");

        final String producer = principals.producer();
        add(entries, Role.PRODUCER, producer, ResourceType.TOPIC, raw, PatternType.LITERAL, AclOperation.WRITE,
            "publishing parsed items");
        add(entries, Role.PRODUCER, producer, ResourceType.TOPIC, config.topics().dlq(), PatternType.LITERAL,
            AclOperation.WRITE, "publishing unusable files and lines as dead letters");

        final String reader = principals.reader();
        for (final String output : config.outputTopics()) {
            add(entries, Role.READER, reader, ResourceType.TOPIC, output, PatternType.LITERAL, AclOperation.READ,
                "reading an output");
        }
        add(entries, Role.READER, reader, ResourceType.GROUP, principals.readerGroup(), PatternType.LITERAL,
            AclOperation.READ, "the reader's own consumer group");
        return List.copyOf(entries);
    }

    private static void add(final List<Entry> entries, final Role role, final String principal,
                            final ResourceType type, final String name, final PatternType pattern,
                            final AclOperation operation, final String why) {
        entries.add(new Entry(role, new AclBinding(new ResourcePattern(type, name, pattern),
            new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)), why));
    }

    /** One line per ACL, in columns, with a header; for {@code newswire acls --print} and the README. */
    public static String table(final List<Entry> entries) {
        final StringBuilder text = new StringBuilder();
        final String format = "%-26s %-10s %-16s %-9s %-30s %s%n";
        text.append(String.format(Locale.ROOT, format, "principal", "operation", "resource", "pattern", "name", "why"));
        for (final Entry entry : entries) {
            final ResourcePattern pattern = entry.binding().pattern();
            text.append(String.format(Locale.ROOT, format, entry.principal(), entry.binding().entry().operation(),
                pattern.resourceType(), pattern.patternType(), pattern.name(), entry.why()));
        }
        return text.toString();
    }
}
