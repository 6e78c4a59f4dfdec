package org.loghandlers.wildfly;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A plain WAR holding only {@link LogServlet}, deployed by dropping it into {@code standalone/deployments}, and asked
 * over HTTP to log.
 */
final class LoggingApp {

    private static final String NAME = "app.war";
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUri;

    private LoggingApp(int httpPort) {
        this.baseUri = "http://127.0.0.1:" + httpPort + "/app";
    }

    /** Copies the WAR into the deployment scanner's directory and waits for {@code app.war.deployed}. */
    static LoggingApp deploy(Path deployments, int httpPort) throws IOException, InterruptedException {
        Path staged = deployments.resolve(NAME + ".part");
        ShrinkWrap.create(WebArchive.class, NAME).addClass(LogServlet.class)
                .as(ZipExporter.class).exportTo(staged.toFile(), true);
        // Whole or not at all: the scanner must never see half a WAR.
        Files.move(staged, deployments.resolve(NAME), StandardCopyOption.ATOMIC_MOVE);
        Path deployed = deployments.resolve(NAME + ".deployed");
        Path failed = deployments.resolve(NAME + ".failed");
        Instant deadline = Instant.now().plus(DEPLOY_TIMEOUT);
        while (!Files.exists(deployed)) {
            if (Files.exists(failed)) {
                throw new AssertionError("deploying " + NAME + " failed: " + Files.readString(failed));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(NAME + " was not deployed within " + DEPLOY_TIMEOUT);
            }
            Thread.sleep(200);
        }
        return new LoggingApp(httpPort);
    }

    /** Has the application log {@code count} records of {@code run} to the logger {@code category}. */
    void log(String category, String run, int count) throws IOException, InterruptedException {
        URI uri = URI.create(baseUri + "/log?category=" + URLEncoder.encode(category, StandardCharsets.UTF_8)
                + "&run=" + URLEncoder.encode(run, StandardCharsets.UTF_8) + "&count=" + count);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
