package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.format.JBossLevel;
import org.loghandlers.testing.Python;

/**
 * Our default bytes against CPython's: CPython's own {@code SysLogHandler} and ours send the same records to one UDP
 * socket this test reads, and every datagram must be byte for byte the same. Skipped without CPython.
 */
class SysLogHandlerVersusCPythonTest {

    @TempDir
    Path dir;

    /** A record both sides send: Python's level name, ours, the message, ident, append_nul and facility. */
    private record Case(String pythonLevel, Level javaLevel, String message, String ident, boolean appendNul,
            String facility) {
    }

    private static final List<Case> CASES = List.of(
            new Case("ERROR", Level.SEVERE, "sp\u00e4m", "", true, "user"),
            new Case("DEBUG", Level.FINE, "d\u00e9bug", "", true, "local7"),
            new Case("INFO", Level.INFO, "two\nlines", "app: ", true, "daemon"),
            new Case("WARNING", Level.WARNING, "w", "h\u00e4m-", false, "auth"),
            new Case("CRITICAL", JBossLevel.FATAL, "crit \u20ac \uD83D\uDE00", "", true, "kern"),
            new Case("INFO", Level.CONFIG, "config is INFO", "", true, "local0"),
            new Case("DEBUG", Level.FINEST, "", "id", false, "solaris-cron"));

    private static final String SCRIPT = """
            import logging, logging.handlers, sys
            port = int(sys.argv[1])
            logger = logging.getLogger('compare')
            logger.setLevel(logging.DEBUG)
            logger.propagate = False
            for level, message, ident, append_nul, facility in eval(sys.argv[2]):
                handler = logging.handlers.SysLogHandler(address=('127.0.0.1', port), facility=facility)
                handler.ident = ident
                handler.append_nul = append_nul
                logger.addHandler(handler)
                logger.log(logging.getLevelName(level), message)
                logger.removeHandler(handler)
                handler.close()
            """;

    /** {@code text} as a Python string literal. */
    private static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                out.append(String.format("\\U%08x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.append('"').toString();
    }

    private static List<String> receive(DatagramSocket socket, int count) throws IOException {
        List<String> datagrams = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
            socket.receive(packet);
            datagrams.add(HexFormat.of().formatHex(packet.getData(), 0, packet.getLength()));
        }
        return datagrams;
    }

    @Test
    void ourDefaultDatagramsAreCPythonsByteForByte() throws Exception {
        Python.interpreter();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(10_000);
            StringBuilder cases = new StringBuilder("[");
            for (Case c : CASES) {
                cases.append(cases.length() > 1 ? "," : "").append('[').append(literal(c.pythonLevel())).append(',')
                        .append(literal(c.message())).append(',').append(literal(c.ident())).append(',')
                        .append(c.appendNul() ? "True" : "False").append(',').append(literal(c.facility())).append(']');
            }
            Python.run(SCRIPT, dir, Map.of(), Integer.toString(socket.getLocalPort()), cases.append(']').toString());
            List<String> python = receive(socket, CASES.size());

            for (Case c : CASES) {
                SysLogHandler handler = new SysLogHandler();
                handler.setAddress("127.0.0.1:" + socket.getLocalPort());
                handler.setFacility(c.facility());
                handler.setIdent(c.ident());
                handler.setAppendNul(c.appendNul());
                handler.publish(new LogRecord(c.javaLevel(), c.message()));
                handler.close();
            }
            List<String> ours = receive(socket, CASES.size());
            for (int i = 0; i < CASES.size(); i++) {
                assertEquals(python.get(i), ours.get(i), CASES.get(i) + ": CPython sent "
                        + new String(HexFormat.of().parseHex(python.get(i)), StandardCharsets.UTF_8));
            }
        }
    }
}
