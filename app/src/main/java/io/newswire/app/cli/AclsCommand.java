package io.newswire.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.newswire.app.Console;
import io.newswire.app.Settings;
import io.newswire.app.pipeline.PipelineRun;
import io.newswire.app.security.PipelineAcls;
import io.newswire.streams.PipelineConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newswire acls}: the least-privilege ACLs of the topology, the producer and a reader; printed or applied. */
@Command(name = "acls", mixinStandardHelpOptions = true,
    description = {"Prints (--print) or creates (--apply) the least-privilege ACLs of the pipeline's principals, "
        + "derived from the config (topic names, newswire.application.id):",
        "  topology: READ news.raw; WRITE each output; READ its group; WRITE transactional ids, and CREATE, READ, "
            + "WRITE, DELETE topics, prefixed <application.id>-",
        "  producer: WRITE news.raw and news.dlq",
        "  reader:   READ each output and its own group",
        "--apply connects with --config (a super user's client config, e.g. the admin file printed by 'newswire broker "
            + "--security'), creates the pipeline's missing topics (unless --no-create-topics) and the ACLs; applying "
            + "them again changes nothing."})
public final class AclsCommand implements Callable<Integer> {

    @Mixin
    private CommonOptions common;

    @ArgGroup(multiplicity = "1")
    private Action action;

    /** Exactly one of them. */
    static final class Action {
        @Option(names = "--print", required = true, description = "Print the ACLs, one per line, with why each is needed.")
        boolean print;

        @Option(names = "--apply", required = true, description = "Create the ACLs on the cluster (idempotent).")
        boolean apply;
    }

    @Option(names = "--principal", paramLabel = "PRINCIPAL", arity = "1..*",
        description = "Only the ACLs of these principals (User:NAME or NAME; default: all three).")
    private List<String> only = new ArrayList<>();

    @Option(names = "--streams-principal", paramLabel = "PRINCIPAL", defaultValue = "User:newswire-streams",
        description = "The topology's principal (default: ${DEFAULT-VALUE}).")
    private String topology;

    @Option(names = "--producer-principal", paramLabel = "PRINCIPAL", defaultValue = "User:newswire-producer",
        description = "The producer's principal (default: ${DEFAULT-VALUE}).")
    private String producer;

    @Option(names = "--reader-principal", paramLabel = "PRINCIPAL", defaultValue = "User:newswire-reader",
        description = "The downstream reader's principal (default: ${DEFAULT-VALUE}).")
    private String reader;

    @Option(names = "--reader-group", paramLabel = "GROUP", defaultValue = "newswire-reader",
        description = "The downstream reader's consumer group (default: ${DEFAULT-VALUE}).")
    private String readerGroup;

    @Option(names = "--no-create-topics", description = "With --apply: do not create the pipeline's missing topics.")
    private boolean noCreateTopics;

    @Override
    public Integer call() throws InterruptedException {
        final Console console = Console.system();
        final Settings settings = common.settings();
        final PipelineConfig config = settings.pipeline();
        final PipelineAcls.Principals principals = new PipelineAcls.Principals(topology, producer, reader,
            readerGroup);
        final List<String> wanted = only.stream().map(PipelineAcls::requirePrincipal).toList();
        final List<PipelineAcls.Entry> entries = PipelineAcls.of(config, principals).stream()
            .filter(entry -> wanted.isEmpty() || wanted.contains(entry.principal())).toList();
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no ACLs for " + wanted + ": the principals are "
                + principals.topology() + ", " + principals.producer() + " and " + principals.reader());
        }
        if (action.print) {
            console.result("%s", PipelineAcls.table(entries).stripTrailing());
            return 0;
        }
        settings.requireBootstrapServers();
        if (!noCreateTopics) {
            PipelineRun.createTopics(settings.kafka(), config, console);
        }
        final List<AclBinding> bindings = entries.stream().map(PipelineAcls.Entry::binding).toList();
        try (Admin admin = Admin.create(settings.kafka())) {
            admin.createAcls(bindings).all().get(60, TimeUnit.SECONDS);
        } catch (final ExecutionException e) {
            throw new IllegalStateException("cannot create the ACLs on " + settings.bootstrapServers() + ": "
                + e.getCause().getMessage() + " (connect as a super user or a principal allowed to ALTER the "
                + "cluster: --config with the admin's client config)", e.getCause());
        } catch (final TimeoutException e) {
            throw new IllegalStateException("Kafka at " + settings.bootstrapServers() + " did not create the ACLs "
                + "within 60 s: check --bootstrap-servers and the security settings in --config", e);
        }
        console.result("applied %d ACLs for %s", bindings.size(), String.join(", ",
            entries.stream().map(PipelineAcls.Entry::principal).distinct().toList()));
        return 0;
    }
}
