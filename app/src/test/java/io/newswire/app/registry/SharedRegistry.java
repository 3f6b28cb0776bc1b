package io.newswire.app.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * One real Apicurio Registry (3.3.3, in-memory storage) per test JVM, as a child process, for the schema registry
 * mode ITs: started on first use, ready when its management port's {@code /health/ready} answers 200, killed at JVM
 * exit. Like {@code SharedKafka}, tests share it and keep apart by their topic names (so their subjects).
 *
 * <p>The app comes from Maven Central ({@code io.apicurio:apicurio-registry-app:3.3.3:tar.gz:all}, unpacked into
 * {@code app/target/} by the dependency plugin before the ITs; failsafe names the folder in
 * {@value #HOME_PROPERTY}). It needs Java 21 or later: {@code JAVA_HOME} when new enough, else the newest JDK under
 * {@code /usr/lib/jvm}. Without either the calling test is skipped, saying why.
 */
public final class SharedRegistry {

    static final String HOME_PROPERTY = "newswire.registry.home";
    private static final int MIN_JAVA = 21;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    // One registry for the whole JVM is the point of this class; access is guarded by SharedRegistry.class.
    private static String url;

    private SharedRegistry() {
    }

    /** The base URL ({@code http://localhost:<port>}) of the running registry, starting it on the first call. */
    public static synchronized String url() {
        if (url == null) {
            url = start();
        }
        return url;
    }

    private static String start() {
        final Path home = Path.of(System.getProperty(HOME_PROPERTY, "target/apicurio-registry-3.3.3"));
        final Path runJar = home.resolve("quarkus-run.jar");
        Assumptions.assumeTrue(Files.isRegularFile(runJar), "no Apicurio Registry at " + runJar + ": run the ITs "
            + "through Maven (./mvnw verify -pl app), whose pre-integration-test phase unpacks it there");
        final Optional<Path> java = java21();
        Assumptions.assumeTrue(java.isPresent(), "no Java " + MIN_JAVA + "+ found (JAVA_HOME, /usr/lib/jvm/*): "
            + "Apicurio Registry 3 needs one; install a JDK 21 or later to run the schema registry ITs");
        final int httpPort = freePort();
        final int managementPort = freePort();
        final Path log = home.resolve("registry-" + httpPort + ".log");
        final Process process;
        try {
            process = new ProcessBuilder(java.get().toString(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.management.port=" + managementPort, "-jar", runJar.toString())
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot start Apicurio Registry with " + java.get() + ": " + e.getMessage(),
                e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "newswire-shared-registry-shutdown"));
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        final URI ready = URI.create("http://localhost:" + managementPort + "/health/ready");
        Awaitility.await("Apicurio Registry ready on " + ready + " (log: " + log + ")")
            .atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
            .failFast("Apicurio Registry exited; see its log " + log, () -> !process.isAlive())
            .until(() -> http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return "http://localhost:" + httpPort;
    }

    private static void stop(final Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (final InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A {@code bin/java} of version 21 or later: JAVA_HOME's, else the newest under /usr/lib/jvm. */
    static Optional<Path> java21() {
        final List<Path> homes = new ArrayList<>();
        final String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            homes.add(Path.of(javaHome));
        }
        final Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> dirs = Files.list(jvms)) {
                dirs.filter(Files::isDirectory).sorted(Comparator.comparing(SharedRegistry::featureVersion).reversed())
                    .forEach(homes::add);
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot list " + jvms, e);
            }
        }
        return homes.stream().filter(home -> featureVersion(home) >= MIN_JAVA)
            .map(home -> home.resolve("bin").resolve("java")).filter(Files::isExecutable).findFirst();
    }

    /** The JDK's feature version from its {@code release} file ({@code JAVA_VERSION="25.0.1"}); 0 when unknown. */
    private static int featureVersion(final Path home) {
        final Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        try (var reader = Files.newBufferedReader(release, StandardCharsets.UTF_8)) {
            final Properties properties = new Properties();
            properties.load(reader);
            final String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
            final String feature = version.split("[.+-]", 2)[0];
            return feature.matches("\\d+") ? Integer.parseInt(feature) : 0;
        } catch (final IOException e) {
            return 0;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException("no free local port for the registry", e);
        }
    }

}
