package org.loghandlers.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The central receiver as a user runs it, {@code java -jar loghandlers-receiver.jar central.properties}: a process
 * of its own that takes CPython's SocketHandler frames (the reference's golden frame, sent by a Java client) into the
 * file its properties name, drains into it when it is told to stop, and refuses a bad file with exit status 2.
 */
class CentralReceiverIT {

    private static final Pattern LISTENING = Pattern.compile(
            "loghandlers receiver: SocketReceiver central on 127\\.0\\.0\\.1:(\\d+) \\(python\\)");

    private Process process;
    private Path log;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Path workDir() throws IOException {
        Path base = Path.of("target", "it-work").toAbsolutePath();
        Files.createDirectories(base);
        return Files.createTempDirectory(base, "central-");
    }

    private static byte[] goldenFrame() {
        try (InputStream in = CentralReceiverIT.class.getResourceAsStream("golden_socket_frame_py3.13.hex")) {
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.startsWith("#")) {
                    hex.append(line.strip());
                }
            }
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the packaged jar on {@code properties}, its standard output and error going to {@link #log}. */
    private void run(Path properties) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = System.getProperty("receiver.jar", "target/loghandlers-receiver.jar");
        log = properties.resolveSibling("receiver.out");
        process = new ProcessBuilder(java, "-jar", jar, properties.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    private List<String> output() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    private int awaitPort() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (String line : output()) {
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.matches()) {
                    return Integer.parseInt(matcher.group(1));
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the receiver printed no listening address:\n" + String.join("\n", output()));
    }

    private static List<String> awaitLines(Path file, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() >= count) {
                    return lines;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the file did not get " + count + " lines in 20 s");
    }

    private static Path properties(Path work, Path file) throws IOException {
        Path properties = work.resolve("central.properties");
        Files.writeString(properties, """
                # handlers and receivers, as in microprofile-config.properties
                loghandlers.handler.central-file.type=file
                loghandlers.handler.central-file.file-name=%s
                loghandlers.handler.central-file.format=%%(name)s %%(levelname)s %%(process)d %%(message)s
                loghandlers.receiver.central.type=socket
                loghandlers.receiver.central.host=127.0.0.1
                loghandlers.receiver.central.port=0
                loghandlers.receiver.central.handlers=central-file
                """.formatted(file.toString().replace("\\", "\\\\")));
        return properties;
    }

    @Test
    void theProcessWritesWhatASenderSendsIntoTheFileAndDrainsWhenStopped() throws Exception {
        Path work = workDir();
        Path file = work.resolve("central.log");
        run(properties(work, file));
        int port = awaitPort();
        byte[] frame = goldenFrame();
        try (Socket sender = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = sender.getOutputStream();
            out.write(frame);
            assertEquals(List.of("tcp ERROR 1234 hello w\u00f6rld"), awaitLines(file, 1));
            for (int i = 0; i < 2000; i++) {
                out.write(frame);
            }
            out.flush();
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the receiver stops on SIGTERM");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2001, lines.size(), "every record sent before the stop is in the file");
        List<String> printed = output();
        assertTrue(printed.contains("loghandlers receiver: stopped"), () -> String.join("\n", printed));
    }

    @Test
    void aBadConfigurationIsPrintedWithEveryProblemAndExitsWithStatus2() throws Exception {
        Path work = workDir();
        Path properties = work.resolve("bad.properties");
        Files.writeString(properties, """
                loghandlers.handler.central-file.type=file
                loghandlers.handler.central-file.file-name=%s
                loghandlers.receiver.central.type=socket
                loghandlers.receiver.central.port=ninety
                loghandlers.receiver.central.handlers=central-file
                """.formatted(work.resolve("never.log").toString().replace("\\", "\\\\")));
        run(properties);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        List<String> printed = output();
        assertTrue(printed.stream().anyMatch(line -> line.contains(
                "loghandlers.receiver.central.port=ninety: accepted: an integer")), () -> String.join("\n", printed));
    }
}
