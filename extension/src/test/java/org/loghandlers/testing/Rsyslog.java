package org.loghandlers.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real rsyslog on loopback for the syslog tests: Debian's rsyslogd, unpacked by {@code .ci/rsyslog} into a cache
 * folder (the harness runs the script itself when rsyslogd is not there yet, and skips, or fails under
 * {@code -Dtests.require-peers=true}, when it cannot get it), run in the foreground with a configuration of
 * its own: one input per way a message can come ({@link Input}), each writing every field rsyslog parsed, one line a
 * message, to a file of its own. Ports are dynamic; a restart keeps them.
 */
public final class Rsyslog implements AutoCloseable {

    /** Where a message can come in, and the file rsyslog writes what arrived there to. */
    public enum Input {
        UDP("udp"),
        /** TCP with RFC 6587 octet counting (or LF framing, which rsyslog tells apart by the first byte). */
        TCP_OCTET_COUNTED("octet"),
        /** TCP with LF framing only: an octet count would be taken as text. */
        TCP_NEWLINE("lf"),
        /** TCP split on NUL as well as LF ({@code AddtlFrameDelimiter="0"}), for Python's unframed stream. */
        TCP_NUL("nul"),
        TLS("tls"),
        UNIX_DATAGRAM("unix-dgram"),
        UNIX_STREAM("unix-stream");

        final String file;

        Input(String file) {
            this.file = file;
        }
    }

    private static final String PROBE = "rsyslog-harness-probe";
    private static final String TEMPLATE = "pri=%pri%\\tfac=%syslogfacility-text%\\tsev=%syslogseverity-text%"
            + "\\ttime=%timereported:::date-rfc3339%\\thost=%hostname%\\tapp=%app-name%\\tprocid=%procid%"
            + "\\tmsgid=%msgid%\\tsd=%structured-data%\\ttag=%syslogtag%\\tmsg=%msg%\\traw=%rawmsg%\\n";
    private static Path home;
    /** Why rsyslog could not be had, once a fetch failed: later tests skip without trying again. */
    private static String missing;

    private final Path dir;
    private final Map<Input, Integer> ports = new EnumMap<>(Input.class);
    private final boolean tls;
    private Process process;

    private Rsyslog(Path dir, boolean tls) {
        this.dir = dir;
        this.tls = tls;
    }

    /** Starts rsyslogd with its files under {@code dir} (keep it short: Unix socket paths have ~100 bytes). */
    public static Rsyslog start(Path dir) throws IOException, InterruptedException {
        Path root = home();
        Files.createDirectories(dir);
        boolean tls = makeCertificate(dir);
        Rsyslog rsyslog = new Rsyslog(dir.toAbsolutePath(), tls);
        try (DatagramSocket free = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            rsyslog.ports.put(Input.UDP, free.getLocalPort());
        }
        rsyslog.launch(root);
        return rsyslog;
    }

    /** The unpacked rsyslog, fetched once by {@code .ci/rsyslog}; skips the test when it cannot be had. */
    private static synchronized Path home() throws IOException, InterruptedException {
        if (home != null) {
            return home;
        }
        Peers.assume(missing == null, missing);
        String configured = System.getenv("LOGHANDLERS_RSYSLOG_HOME");
        Path cache = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "loghandlers", "rsyslog");
        if (!Files.exists(cache.resolve(".complete"))) {
            Path script = script();
            if (script == null) {
                missing = "rsyslog is not in " + cache + " and no .ci/rsyslog was found to fetch it";
                Peers.assume(false, missing);
            }
            Process fetch = new ProcessBuilder("bash", script.toString(), cache.toString()).redirectErrorStream(true)
                    .start();
            String output = new String(fetch.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean done = fetch.waitFor(5, TimeUnit.MINUTES);
            if (!done || fetch.exitValue() != 0) {
                missing = "rsyslog is not available: .ci/rsyslog could not fetch it: " + output.strip();
                Peers.assume(false, missing);
            }
        }
        home = cache;
        return home;
    }

    private static Path script() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve(".ci").resolve("rsyslog");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** A self-signed certificate for 127.0.0.1 and localhost, made by openssl; false when there is no openssl. */
    private static boolean makeCertificate(Path dir) throws InterruptedException {
        try {
            Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                    "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString(),
                    "-days", "2", "-subj", "/CN=localhost", "-addext",
                    "subjectAltName=IP:127.0.0.1,DNS:localhost").redirectErrorStream(true).start();
            openssl.getInputStream().readAllBytes();
            return openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0;
        } catch (IOException noOpenssl) {
            return false;
        }
    }

    private void launch(Path root) throws IOException, InterruptedException {
        Path modules;
        try (var found = Files.find(root.resolve("usr/lib"), 4, (p, a) -> p.endsWith("imudp.so"))) {
            modules = found.findFirst().orElseThrow(() -> new IOException("no imudp.so under " + root)).getParent();
        }
        Path libraries = modules.getParent();
        for (Input input : Input.values()) {
            Files.deleteIfExists(portFile(input));
        }
        Files.deleteIfExists(socket(Input.UNIX_DATAGRAM));
        Files.deleteIfExists(socket(Input.UNIX_STREAM));
        Files.writeString(dir.resolve("rsyslog.conf"), configuration());
        ProcessBuilder builder = new ProcessBuilder(root.resolve("usr/sbin/rsyslogd").toString(), "-n",
                "-f", dir.resolve("rsyslog.conf").toString(), "-i", dir.resolve("rsyslogd.pid").toString(),
                "-M", modules.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("rsyslogd.out").toFile()));
        builder.environment().put("LD_LIBRARY_PATH", libraries.toString());
        process = builder.start();
        awaitListening();
    }

    private String configuration() {
        String d = dir.toString();
        StringBuilder conf = new StringBuilder();
        conf.append("global(workDirectory=\"").append(d).append("\" maxMessageSize=\"64k\"");
        if (tls) {
            conf.append(" defaultNetstreamDriverCAFile=\"").append(d).append("/cert.pem\"")
                    .append(" defaultNetstreamDriverCertFile=\"").append(d).append("/cert.pem\"")
                    .append(" defaultNetstreamDriverKeyFile=\"").append(d).append("/key.pem\"");
        }
        conf.append(")\n")
                .append("module(load=\"imudp\")\nmodule(load=\"imtcp\" maxSessions=\"200\")\n")
                .append("module(load=\"imuxsock\" sysSock.use=\"off\")\nmodule(load=\"imptcp\")\n")
                .append("template(name=\"Fields\" type=\"string\" string=\"").append(TEMPLATE).append("\")\n");
        for (Input input : Input.values()) {
            conf.append("ruleset(name=\"").append(input.file).append("\") { action(type=\"omfile\" file=\"")
                    .append(output(input)).append("\" template=\"Fields\") }\n");
        }
        conf.append("input(type=\"imudp\" address=\"127.0.0.1\" port=\"").append(ports.get(Input.UDP))
                .append("\" ruleset=\"udp\")\n");
        tcpInput(conf, Input.TCP_OCTET_COUNTED, "");
        tcpInput(conf, Input.TCP_NEWLINE, " supportOctetCountedFraming=\"off\"");
        tcpInput(conf, Input.TCP_NUL, " supportOctetCountedFraming=\"off\" addtlFrameDelimiter=\"0\"");
        if (tls) {
            tcpInput(conf, Input.TLS, " streamDriver.name=\"gtls\" streamDriver.mode=\"1\""
                    + " streamDriver.authMode=\"anon\"");
        }
        conf.append("input(type=\"imuxsock\" socket=\"").append(socket(Input.UNIX_DATAGRAM))
                .append("\" ruleset=\"unix-dgram\" rateLimit.interval=\"0\")\n");
        conf.append("input(type=\"imptcp\" path=\"").append(socket(Input.UNIX_STREAM))
                .append("\" unlink=\"on\" ruleset=\"unix-stream\")\n");
        return conf.toString();
    }

    private void tcpInput(StringBuilder conf, Input input, String options) {
        Integer port = ports.get(input);
        conf.append("input(type=\"imtcp\" address=\"127.0.0.1\" port=\"").append(port == null ? 0 : port)
                .append("\" ruleset=\"").append(input.file).append("\" listenPortFileName=\"")
                .append(portFile(input)).append('"').append(options).append(")\n");
    }

    private Path portFile(Input input) {
        return dir.resolve(input.file + ".port");
    }

    private Path output(Input input) {
        return dir.resolve(input.file + ".log");
    }

    /** Waits for every TCP port, both sockets, and a probe datagram through UDP and the Unix datagram socket. */
    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (Input input : List.of(Input.TCP_OCTET_COUNTED, Input.TCP_NEWLINE, Input.TCP_NUL, Input.TLS)) {
            if (input == Input.TLS && !tls) {
                continue;
            }
            if (ports.containsKey(input)) {
                while (!accepts(ports.get(input))) {
                    checkRunning(deadline);
                }
                continue;
            }
            while (!Files.exists(portFile(input)) || Files.readString(portFile(input)).isBlank()) {
                checkRunning(deadline);
            }
            ports.put(input, Integer.parseInt(Files.readString(portFile(input)).strip()));
        }
        while (!Files.exists(socket(Input.UNIX_DATAGRAM)) || !Files.exists(socket(Input.UNIX_STREAM))) {
            checkRunning(deadline);
        }
        probe(Input.UDP, deadline);
        probe(Input.UNIX_DATAGRAM, deadline);
    }

    /** rsyslog writes a port file for a dynamic port only; a restart on known ports is checked by connecting. */
    private static boolean accepts(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private void probe(Input input, long deadline) throws IOException, InterruptedException {
        byte[] probe = ("<14>" + PROBE).getBytes(StandardCharsets.US_ASCII);
        while (!Files.exists(output(input)) || !Files.readString(output(input)).contains(PROBE)) {
            try {
                if (input == Input.UDP) {
                    try (DatagramChannel channel = DatagramChannel.open()) {
                        channel.send(ByteBuffer.wrap(probe), new InetSocketAddress("127.0.0.1", port(Input.UDP)));
                    }
                } else {
                    sendUnixDatagram(probe);
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            checkRunning(deadline);
        }
    }

    /** The JDK has no Unix datagram sockets; Python's does, and so does rsyslog's own logger(1). */
    private void sendUnixDatagram(byte[] message) throws IOException {
        try (var channel = org.newsclub.net.unix.AFUNIXDatagramChannel.open()) {
            channel.connect(org.newsclub.net.unix.AFUNIXSocketAddress.of(socket(Input.UNIX_DATAGRAM)));
            channel.write(ByteBuffer.wrap(message));
        }
    }

    private void checkRunning(long deadline) throws IOException, InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException("rsyslogd stopped (" + process.exitValue() + "): " + log());
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("rsyslogd did not listen within 20 s: " + log());
        }
        Thread.sleep(50);
    }

    /** What rsyslogd printed. */
    public String log() throws IOException {
        Path out = dir.resolve("rsyslogd.out");
        return Files.exists(out) ? Files.readString(out) : "";
    }

    public boolean hasTls() {
        return tls;
    }

    public int port(Input input) {
        Integer port = ports.get(input);
        if (port == null) {
            throw new IllegalStateException(input + " is not configured (TLS needs openssl)");
        }
        return port;
    }

    /** The address option for a TCP or UDP input: {@code 127.0.0.1:port}. */
    public String address(Input input) {
        return "127.0.0.1:" + port(input);
    }

    public Path socket(Input input) {
        return dir.resolve(input == Input.UNIX_DATAGRAM ? "dgram.sock" : "stream.sock");
    }

    /** A PKCS12 trust store holding the TLS input's certificate, protected by {@code password}. */
    public Path trustStore(String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream pem = new ByteArrayInputStream(Files.readAllBytes(dir.resolve("cert.pem")))) {
            store.setCertificateEntry("rsyslog", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        Path file = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    /** The messages that came in through {@code input}, each as rsyslog's fields (pri, fac, sev, host, ..., raw). */
    public List<Map<String, String>> records(Input input) throws IOException {
        List<Map<String, String>> records = new ArrayList<>();
        Path file = output(input);
        if (!Files.exists(file)) {
            return records;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String field : line.split("\t", -1)) {
                int equals = field.indexOf('=');
                fields.put(field.substring(0, equals), field.substring(equals + 1));
            }
            if (!fields.getOrDefault("raw", "").contains(PROBE)) {
                records.add(fields);
            }
        }
        return records;
    }

    /** The messages of {@code input} once {@code done} holds for them, or whatever came within {@code wait}. */
    public List<Map<String, String>> await(Input input, Predicate<List<Map<String, String>>> done, Duration wait)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        List<Map<String, String>> records = records(input);
        while (!done.test(records) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            records = records(input);
        }
        return records;
    }

    /** Waits up to 10 s for {@code count} messages through {@code input}. */
    public List<Map<String, String>> await(Input input, int count) throws IOException, InterruptedException {
        return await(input, records -> records.size() >= count, Duration.ofSeconds(10));
    }

    /** Stops rsyslogd; the output files stay. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts rsyslogd again on the same ports and sockets. */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch(home());
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
