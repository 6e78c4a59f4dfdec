package org.loghandlers.tck;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ExplodedExporter;

/**
 * One real Payara Micro ({@code java -jar target/payara/payara-micro.jar}) in its own JVM, for the checks that need
 * several deployments in one server, redeployments, or a deployment that fails. Loopback only, no Hazelcast, on a
 * free port; its root, unpacked runtime and exploded WARs live under {@code target/payara-process/NAME}, and all it
 * prints goes to {@code server.log} there. {@link Options} add JVM options, jars to the JVM's class path (then it
 * is started with {@code -cp} and Payara Micro's main class) and arguments to Payara Micro's.
 *
 * <p>The WARs are deployed exploded at boot. Payara Micro has no admin listener, and without Hazelcast no asadmin
 * from outside; what it does offer at runtime is its dynamic reloader: touching {@code .reload} in an exploded
 * deployment's root undeploys it and deploys the directory again, on a thread of the server that looks every two
 * seconds. Removing the directory does not undeploy; {@link #replace} puts another WAR in its place instead.
 */
final class PayaraMicroProcess implements AutoCloseable {

    private static final Duration BOOT = Duration.ofSeconds(180);
    private static final Duration REDEPLOY = Duration.ofSeconds(90);
    /** Payara's default {@code dynamic-reload-poll-interval-in-seconds}. */
    private static final Duration RELOADER_POLL = Duration.ofSeconds(2);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A failed deployment's line, with the indented lines that continue its message (one per problem of ours). */
    private static final Pattern FAILED = Pattern.compile("Exception while loading the app.*(\\R {2}\\S.*)*");

    private final Process process;
    private final Path home;
    private final Path output;
    private final int port;

    private PayaraMicroProcess(Process process, Path home, Path output, int port) {
        this.process = process;
        this.home = home;
        this.output = output;
        this.port = port;
    }

    /**
     * What a test adds to the server's start: options for its JVM, jars for the JVM's own class path (the one the
     * JDK's {@code LogManager} loads handler classes from), and further Payara Micro arguments such as
     * {@code --logproperties}.
     */
    record Options(List<String> jvmOptions, List<Path> classPath, List<String> arguments) {
        static final Options DEFAULT = new Options(List.of(), List.of(), List.of());
    }

    /**
     * Exports {@code archives} exploded (each under its name without {@code .war}, which is also its context root),
     * starts Payara Micro with all of them and returns once it says it is ready and answers HTTP. A deployment that
     * fails does not stop the boot: the server logs it and serves the others.
     */
    static PayaraMicroProcess start(String name, Archive<?>... archives) throws IOException, InterruptedException {
        return start(name, Options.DEFAULT, archives);
    }

    /** {@link #start(String, Archive...)}, with {@code options} added to the JVM's and Payara Micro's own. */
    static PayaraMicroProcess start(String name, Options options, Archive<?>... archives)
            throws IOException, InterruptedException {
        Path home = Path.of("target", "payara-process", name).toAbsolutePath();
        deleteRecursively(home);
        Path deployments = Files.createDirectories(home.resolve("deployments"));
        Path output = home.resolve("server.log");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Djava.io.tmpdir=" + Files.createDirectories(home.resolve("tmp"))));
        command.addAll(options.jvmOptions());
        command.addAll(launch(options.classPath()));
        command.addAll(List.of(
                "--nohazelcast", "--disablephonehome", "--port", Integer.toString(port),
                "--prebootcommandfile", Path.of("src", "test", "payara", "preboot.asadmin").toAbsolutePath().toString(),
                "--rootdir", Files.createDirectories(home.resolve("root")).toString(),
                "--unpackdir", Files.createDirectories(home.resolve("unpacked")).toString()));
        command.addAll(options.arguments());
        for (Archive<?> archive : archives) {
            command.add("--deploy");
            command.add(explode(archive, deployments).toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        PayaraMicroProcess server = new PayaraMicroProcess(process, home, output, port);
        try {
            server.awaitReady();
            return server;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            server.close();
            throw e;
        }
    }

    private static Path payaraMicroJar() {
        Path jar = Path.of(System.getProperty("tck.payara-dir", "target/payara"), "payara-micro.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the payara profile copies Payara Micro there");
        }
        return jar.toAbsolutePath();
    }

    /**
     * {@code -jar payara-micro.jar}, or, with jars to add, {@code -cp payara-micro.jar:JARS} and the jar's main
     * class: {@code -jar} ignores any other class path. Launched that way the JVM also ignores the jar's
     * {@code Add-Exports} and {@code Add-Opens}, which Payara needs, so they become command-line options.
     */
    private static List<String> launch(List<Path> classPath) throws IOException {
        Path jar = payaraMicroJar();
        if (classPath.isEmpty()) {
            return List.of("-jar", jar.toString());
        }
        List<String> launch = new ArrayList<>();
        String mainClass;
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes manifest = file.getManifest().getMainAttributes();
            for (String packageName : manifest.getValue("Add-Exports").split(" ")) {
                launch.add("--add-exports=" + packageName + "=ALL-UNNAMED");
            }
            for (String packageName : manifest.getValue("Add-Opens").split(" ")) {
                launch.add("--add-opens=" + packageName + "=ALL-UNNAMED");
            }
            mainClass = manifest.getValue(Attributes.Name.MAIN_CLASS);
        }
        List<String> entries = new ArrayList<>(List.of(jar.toString()));
        classPath.forEach(entry -> entries.add(entry.toAbsolutePath().toString()));
        launch.add("-cp");
        launch.add(String.join(File.pathSeparator, entries));
        launch.add(mainClass);
        return launch;
    }

    /** Payara Micro's own {@code logging.properties}, the one it uses without {@code --logproperties}. */
    static String defaultLoggingProperties() throws IOException {
        try (JarFile file = new JarFile(payaraMicroJar().toFile())) {
            return new String(file.getInputStream(file.getEntry("MICRO-INF/domain/logging.properties"))
                    .readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The archive's name without {@code .war}: its exploded directory, application name and context root. */
    private static String applicationName(Archive<?> archive) {
        return archive.getName().replaceFirst("\\.war$", "");
    }

    private static Path explode(Archive<?> archive, Path deployments) {
        return archive.as(ExplodedExporter.class).exportExploded(deployments.toFile(), applicationName(archive))
                .toPath();
    }

    private void awaitReady() throws IOException, InterruptedException {
        await(BOOT, "Payara Micro to say it is ready",
                () -> output().contains("Payara Micro ") && output().contains(" ready in "));
        await(Duration.ofSeconds(30), "Payara Micro to answer HTTP on port " + port, this::answersHttp);
    }

    private boolean answersHttp() {
        try {
            CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The base URL of the deployment with this context root. */
    URL url(String contextRoot) throws IOException {
        return URI.create("http://127.0.0.1:" + port + "/" + contextRoot + "/").toURL();
    }

    /** The HTTP status of a GET, without failing on anything but 200 as {@link Http#get} does. */
    int status(URL base, String path) throws IOException, InterruptedException {
        URI uri = URI.create(base.toString()).resolve(path);
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Undeploys the exploded deployment {@code name} and deploys it again, through its {@code .reload} file; fails
     * with Payara's message if the new deployment fails.
     */
    void redeploy(String name) throws IOException, InterruptedException {
        Pattern deployed = Pattern.compile("\\[timeMillis: (\\d+)][^\\n]*\\b" + Pattern.quote(name)
                + " was successfully deployed");
        List<String> deployedBefore = occurrences(deployed);
        int failedBefore = deploymentFailures().size();
        // The reloader reloads when .reload is newer than the time it first saw the deployment (at its first scan
        // after a deployment at boot) or last reloaded it. A .reload touched before that scan, or dated ahead of
        // it, is missed or reloads twice: so touch it, with the true time, only once that scan is surely past.
        long lastDeployed = Long.parseLong(deployed.matcher(deployedBefore.get(deployedBefore.size() - 1))
                .results().findFirst().orElseThrow().group(1));
        long reloaderHasSeenIt = lastDeployed + RELOADER_POLL.plusSeconds(1).toMillis();
        Thread.sleep(Math.max(0, reloaderHasSeenIt - System.currentTimeMillis()));
        Path reload = home.resolve("deployments").resolve(name).resolve(".reload");
        if (!Files.exists(reload)) {
            Files.createFile(reload);
        }
        Files.setLastModifiedTime(reload, FileTime.from(Instant.now()));
        await(REDEPLOY, name + " to be deployed again", () -> {
            List<String> failures = deploymentFailures();
            if (failures.size() > failedBefore) {
                throw new AssertionError("redeploying " + name + ": " + failures.get(failures.size() - 1));
            }
            return occurrences(deployed).size() > deployedBefore.size();
        });
    }

    /**
     * Puts {@code archive} in place of the exploded deployment of the same name and reloads it: the old deployment
     * is undeployed as by {@link #redeploy}, and what comes up is the new one.
     */
    void replace(Archive<?> archive) throws IOException, InterruptedException {
        Path deployments = home.resolve("deployments");
        String name = applicationName(archive);
        deleteRecursively(deployments.resolve(name));
        explode(archive, deployments);
        redeploy(name);
    }

    /** What the server said of each deployment that failed, at boot or later, in order. */
    List<String> deploymentFailures() {
        return occurrences(FAILED);
    }

    private List<String> occurrences(Pattern pattern) {
        Matcher matcher = pattern.matcher(output());
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    /** Everything the server printed so far. */
    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    private void await(Duration timeout, String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("Payara Micro exited (" + process.exitValue() + ") while waiting for "
                        + what + "; its output is in " + output);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; see " + output);
            }
            Thread.sleep(200);
        }
    }

    /** Stops the server and whatever it started, forcibly if it does not stop within 30 seconds. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
