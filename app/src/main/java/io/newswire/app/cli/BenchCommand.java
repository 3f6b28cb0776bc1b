package io.newswire.app.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import io.newswire.app.Console;
import io.newswire.app.Settings;
import io.newswire.app.bench.BenchFigures;
import io.newswire.app.bench.BenchInput;
import io.newswire.app.bench.BenchJson;
import io.newswire.app.bench.BenchPhase;
import io.newswire.app.bench.PhaseRunner;
import io.newswire.app.bench.BenchSetup;
import io.newswire.app.bench.BenchTable;
import io.newswire.app.bench.MachineInfo;
import io.newswire.app.pipeline.PipelineRun;
import io.newswire.schema.serde.NewswireSerdes;
import io.newswire.streams.PipelineConfig;
import io.newswire.streams.enrich.Enricher;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newswire bench}: the pass-through, stateless and whole topologies measured in one run on one broker; a
 * markdown table on stdout, progress on stderr, optionally every figure as JSON.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "The pipeline benchmark: the pass-through, stateless and whole topologies measured",
        "in one run on one broker, with the same items and newswire's Kafka Streams settings",
        "(exactly_once_v2). Starts one embedded Kafka broker in this process (or uses",
        "--bootstrap-servers), parses the input once (not measured), loads the enrichment",
        "models once, and runs each phase on its own fresh topics and application id:",
        "  passthrough  raw topic -> one output topic, bytes in, bytes out",
        "               (what Kafka and exactly-once cost on their own);",
        "  stateless    decode -> normalize -> enrich -> route decision -> route topics",
        "               and general (the stateless stages, no dedup);",
        "  whole        the real topology (NewswireTopology.build).",
        "Each phase publishes every item as fast as Kafka takes them (saturation) and waits",
        "until each is accounted for on the outputs (read_committed); then, for each rate",
        "of --rates, publishes that many items/s for --latency-seconds on fresh topics.",
        "Prints the command, one summary table (a row per phase) and each phase's details",
        "on stdout, progress on stderr. Takes a few minutes with the defaults.",
        "Ratios between the phases of one run, not absolute figures, are what compare",
        "across machines: the figures depend on the machine and on what else runs on it.",
        ""},
    footerHeading = "%nWhat the figures mean:%n",
    footer = {
        "  items/s       items / seconds from the first publish to the last item",
        "                accounted for, at saturation; × passthrough and whole ÷",
        "                stateless are ratios of it.",
        "  CPU ms/item   process CPU over that time / items; with the embedded broker",
        "                it includes the broker, the producer, the output readers, GC",
        "                and JIT. 'stream threads': the topology's own threads",
        "                (*StreamThread*) only.",
        "  records/item  records written to every topic of the phase (input, outputs,",
        "                and the repartition and changelog topics <application.id>-*) /",
        "                items: data records (read with read_uncommitted) / offsets,",
        "                which also count the transaction markers.",
        "  bytes/item    key + value + header bytes of those data records,",
        "                uncompressed; the details add each topic's size on disk",
        "                (describeLogDirs).",
        "  state/item    bytes of the files under the phase's state directory after a",
        "                clean close (RocksDB flushed) / items; per store, and the",
        "                changelog bytes, in the details.",
        "  peak heap     per phase: the sum of the heap pools' peaks since its start.",
        "  peak RSS      per phase: Linux's VmHWM of the whole process (n/a elsewhere).",
        "  latency       per item, publish (its record timestamp) -> its first copy",
        "                read by a read_committed consumer on a route topic, general or",
        "                the pass-through output: p50 / p99 / max ms at each offered",
        "                rate and at saturation; for whole the details add publish ->",
        "                dedup decision.",
        "",
        "Example: newswire bench --items 1000 --rates 50 --latency-seconds 10",
        "         --json bench.json"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every phase measured, every item accounted for", "1:a failure (an item missing, Kafka "
        + "unreachable, …)", "2:bad usage"})
public final class BenchCommand implements Callable<Integer> {

    /** The default input, relative to the repository: the labelled English corpus, when it is there. */
    static final String DEFAULT_CORPUS = "../shared/corpus/kremlin-en-dev.jsonl";

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--input", arity = "1..*", paramLabel = "PATH",
        description = "Files or folders of .txt and .jsonl items (default: " + DEFAULT_CORPUS + " relative to the "
            + "repository when it exists, else the bundled samples).")
    private List<Path> inputs;

    @Option(names = "--items", paramLabel = "N", description = "Use at most the first N items (default: all).")
    private Integer maxItems;

    @Option(names = "--phases", split = ",", paramLabel = "PHASE", defaultValue = "passthrough,stateless,whole",
        description = "Phases to run, in order (default: ${DEFAULT-VALUE}).")
    private List<String> phases;

    @Option(names = "--rates", split = ",", paramLabel = "ITEMS/S", defaultValue = "50,200",
        description = "Offered rates for the latency runs, items per second (default: ${DEFAULT-VALUE}).")
    private List<Integer> rates;

    @Option(names = "--latency-seconds", paramLabel = "S", defaultValue = "20",
        description = "How long each latency run publishes (fewer items than rate × S: it runs shorter; "
            + "default: ${DEFAULT-VALUE}).")
    private int latencySeconds;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
        description = "Partitions of every topic the bench creates (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
        description = "Kafka Streams stream threads, num.stream.threads, in every phase (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every figure to FILE as JSON.")
    private Path json;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "2m",
        description = "Fail a run when no further item has come out for this long (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Override
    public Integer call() throws IOException {
        final List<BenchPhase> phaseList = checkedOptions();
        final List<Path> inputPaths = inputs != null ? InputPaths.requireExisting(spec, inputs) : defaultInput();
        final Console console = Console.system();
        final Settings settings = common.settings();
        final PipelineConfig base = settings.pipeline();
        final String commandLine = commandLine();
        final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        final double loadAtStart = MachineInfo.loadAverage();
        console.result("# newswire bench");
        console.result("");
        console.result("Command: `%s`  ", commandLine);
        console.result("Started %s on %s; load average %.2f.", started, MachineInfo.describe(), loadAtStart);

        final CompletableFuture<Enricher> models = phaseList.stream().anyMatch(phase -> phase != BenchPhase.PASSTHROUGH)
            ? PipelineRun.loadEnricher(base, console) : CompletableFuture.completedFuture(null);
        // In schema registry mode (newswire.schema.registry.url in --config or the environment) every phase writes
        // and reads the Confluent wire format: the figures then include the registry's cost.
        final NewswireSerdes serdes = new NewswireSerdes(base.schemaRegistry());
        console.result("Values: %s.  ", base.schemaRegistry().url()
            .map(url -> "Confluent wire format, schemas in the registry at " + url)
            .orElse("Avro single-object encoding (no schema registry)"));
        final BenchInput input = BenchInput.read(inputPaths, maxItems == null ? Integer.MAX_VALUE : maxItems,
            settings.maxItemBytes(), serdes, base.topics().raw(), console);
        if (input.size() == 0) {
            throw new IllegalArgumentException("no usable item in " + inputPaths + ": give .txt or .jsonl items with "
                + "--input");
        }
        final String inputDescription = String.format(java.util.Locale.ROOT, "%s: %,d items (mean %,.0f bytes "
                + "encoded)%s", inputPaths.stream().map(Path::toString).collect(Collectors.joining(", ")),
            input.size(), input.meanValueBytes(), leftOut(input));
        console.note("input %s", inputDescription);

        final List<BenchFigures.Phase> results = new ArrayList<>();
        final String kafkaDescription;
        try (LocalSession session = LocalSession.open(settings, null, false, console)) {
            final Properties kafka = session.kafka().clientProperties(settings.kafka());
            kafkaDescription = settings.bootstrapServers() == null
                ? "an embedded broker in this process (" + session.kafka().bootstrapServers() + ")"
                : "the cluster at " + session.kafka().bootstrapServers();
            try (Admin admin = Admin.create(kafka)) {
                final BenchSetup setup = new BenchSetup(UUID.randomUUID().toString().substring(0, 6), kafka, base,
                    serdes, models.join(), session.stateDir(), partitions, threads, timeout, console);
                final PhaseRunner runner = new PhaseRunner(setup, admin);
                for (final BenchPhase phase : phaseList) {
                    results.add(runner.run(phase, input, rates, latencySeconds));
                }
            }
        }
        final BenchFigures.Report report = new BenchFigures.Report(commandLine, started.toString(),
            MachineInfo.describe(), kafkaDescription, settings.bootstrapServers() == null, inputDescription,
            input.size(), partitions, threads, latencySeconds, loadAtStart, MachineInfo.loadAverage(), results);
        console.result("Kafka: %s; %d partitions per topic, %d stream threads, exactly_once_v2.", kafkaDescription,
            partitions, threads);
        console.result("Input: %s.", inputDescription);
        BenchTable.render(report).forEach(line -> console.result("%s", line));
        console.result("");
        console.result("Load average at the end: %.2f.", report.loadAtEnd());
        if (json != null) {
            BenchJson.write(json, report);
            console.note("figures written to %s", json.toAbsolutePath());
        }
        return 0;
    }

    private List<BenchPhase> checkedOptions() {
        final List<BenchPhase> parsed;
        try {
            parsed = BenchPhase.parse(phases);
        } catch (final IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--phases: " + e.getMessage());
        }
        requirePositive("--latency-seconds", latencySeconds);
        requirePositive("--partitions", partitions);
        requirePositive("--threads", threads);
        if (maxItems != null) {
            requirePositive("--items", maxItems);
        }
        rates.forEach(rate -> requirePositive("--rates", rate));
        if (parsed.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--phases: name at least one phase");
        }
        return parsed;
    }

    private void requirePositive(final String option, final int value) {
        if (value < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be at least 1, was "
                + value);
        }
    }

    /** The command as typed, quoted where a shell would need it, so that the figures can be reproduced. */
    private String commandLine() {
        // The original arguments are those of the whole command line, "bench" included.
        final List<String> words = new ArrayList<>(List.of("newswire"));
        for (final String arg : spec.commandLine().getParseResult().originalArgs()) {
            words.add(arg.matches("[A-Za-z0-9_./:=,@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return String.join(" ", words);
    }

    private static String leftOut(final BenchInput input) {
        if (input.rejected() == 0 && input.repeatedIds() == 0) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "; left out %d rejected files or lines and %d items whose id "
            + "came before", input.rejected(), input.repeatedIds());
    }

    /** The corpus next to the repository this jar (or these classes) was built in, or the working directory's. */
    private static List<Path> defaultInput() throws IOException {
        final List<Path> repositories = new ArrayList<>();
        try {
            // app/target/newswire.jar or app/target/classes: three levels below the repository.
            Path built = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (int level = 0; level < 3 && built != null; level++) {
                built = built.getParent();
            }
            if (built != null) {
                repositories.add(built);
            }
        } catch (final URISyntaxException | SecurityException | NullPointerException e) {
            // No code source to start from: the working directory is tried below.
        }
        repositories.add(Path.of("").toAbsolutePath());
        for (final Path repository : repositories) {
            final Path corpus = repository.resolve(DEFAULT_CORPUS).normalize();
            if (Files.isRegularFile(corpus)) {
                return List.of(corpus);
            }
        }
        return List.of(DemoCommand.extractSamples());
    }
}
