package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.Python;

/**
 * CPython's {@code http.server} receives the same logical record twice, once from CPython 3.13's own
 * {@code logging.handlers.HTTPHandler} and once from ours, and decodes both with {@code urllib.parse.parse_qsl}: the
 * keys must be the same, in the same order, and so must every value that does not depend on the process or the
 * clock. Skipped without CPython.
 */
class HttpHandlerVersusCPythonTest {

    private static final String RECEIVER = String.join("\n",
            "import http.server, json, logging, logging.handlers, sys, threading, urllib.parse",
            "method, url, with_credentials = sys.argv[1], sys.argv[2], sys.argv[3] == 'yes'",
            "got, lock, done = [], threading.Lock(), threading.Event()",
            "class Receiver(http.server.BaseHTTPRequestHandler):",
            "    def answer(self):",
            "        path, _, query = self.path.partition('?')",
            "        body = self.rfile.read(int(self.headers.get('Content-Length') or 0)).decode('utf-8')",
            "        who = 'java' if 'Java-http-client' in (self.headers.get('User-Agent') or '') else 'python'",
            "        lines = ['R %s %s %s' % (who, self.command, path)]",
            "        for name in ('Content-Type', 'Authorization', 'Accept-Encoding'):",
            "            lines.append('H %s %s %s' % (who, name, json.dumps(self.headers.get(name))))",
            "        lines.append('U %s %s' % (who, json.dumps(query.partition('name=')[0])))",
            "        data = query if self.command == 'GET' else body",
            "        for key, value in urllib.parse.parse_qsl(data, keep_blank_values=True):",
            "            lines.append('F %s %s %s' % (who, key, json.dumps(value)))",
            "        self.send_response(200)",
            "        self.send_header('Content-Length', '0')",
            "        self.end_headers()",
            "        with lock:",
            "            got.extend(lines)",
            "            if sum(1 for line in got if line.startswith('R ')) == 2:",
            "                done.set()",
            "    do_GET = do_POST = answer",
            "    def log_message(self, *args):",
            "        pass",
            "server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Receiver)",
            "threading.Thread(target=server.serve_forever, daemon=True).start()",
            "port = server.server_address[1]",
            "handler = logging.handlers.HTTPHandler('127.0.0.1:%d' % port, url, method=method,",
            "    credentials=('user', 'p\\xe4ss') if with_credentials else None)",
            "handler.handle(logging.LogRecord('http.compare', logging.ERROR, 'org.acme.Shop', 42, 'sp\\xe4m {0}',",
            "    ('a&b',), None, func='checkout'))",
            "print('PORT', port, sys.version_info >= (3, 12), flush=True)",
            "done.wait(30)",
            "print('\\n'.join(got), flush=True)");

    /** Values that depend on the process, the thread or the clock, or on how a path names its file. */
    private static final Set<String> NOT_COMPARABLE = Set.of("filename", "module", "created", "msecs",
            "relativeCreated", "thread", "threadName", "process");

    /** CPython before 3.12 has no {@code taskName} in a record's dictionary; the reference, 3.13, has. */
    private boolean pythonHasTaskName;

    @ParameterizedTest(name = "{0} {1}, credentials: {2}")
    @CsvSource({"GET, /log, no", "GET, /log?app=shop&x=1, yes", "POST, /log, yes", "POST, /log?app=shop, no"})
    void pythonsReceiverDecodesTheSameRecordFromUsAsFromPythonsHandler(String method, String url,
            String credentials) throws Exception {
        Process python = new ProcessBuilder(Python.interpreter(), "-c", RECEIVER, method, url, credentials)
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(python.getInputStream(),
                StandardCharsets.UTF_8))) {
            String first = lines.readLine();
            assertTrue(first != null && first.startsWith("PORT "), "python said: " + first);
            String[] words = first.split(" ");
            pythonHasTaskName = Boolean.parseBoolean(words[2].toLowerCase(java.util.Locale.ROOT));
            HttpHandler handler = new HttpHandler("127.0.0.1:" + words[1], url, method);
            CountingErrorManager errors = new CountingErrorManager();
            handler.setErrorManager(errors);
            if (credentials.equals("yes")) {
                handler.setCredentials("user:p\u00e4ss");
            }
            ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "sp\u00e4m {0}", "org.acme.Shop");
            record.setLoggerName("http.compare");
            record.setParameters(new Object[] {"a&b"});
            record.setSourceClassName("org.acme.Shop");
            record.setSourceMethodName("checkout");
            record.setSourceLineNumber(42);
            handler.publish(record);
            handler.close();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
            }
            assertEquals(credentials.equals("yes") ? 1 : 0, errors.count(), "only the plain-HTTP credentials"
                    + " warning: " + errors.reports());
        } finally {
            python.waitFor(30, TimeUnit.SECONDS);
            python.destroyForcibly();
        }

        Map<String, String> fromPython = fields(output, "python");
        Map<String, String> fromUs = fields(output, "java");
        if (!pythonHasTaskName) {
            assertEquals("\"None\"", fromUs.remove("taskName"), "ours is the 3.12+ dictionary, with taskName");
        }
        assertEquals(List.copyOf(fromPython.keySet()), List.copyOf(fromUs.keySet()), "the same keys in order");
        for (String key : fromPython.keySet()) {
            if (!NOT_COMPARABLE.contains(key)) {
                assertEquals(fromPython.get(key), fromUs.get(key), key);
            }
        }
        assertEquals("\"sp\\u00e4m {0}\"", fromUs.get("msg"));
        assertEquals("\"('a&b',)\"", fromUs.get("args"));
        for (String key : List.of("created", "msecs", "relativeCreated")) {
            assertTrue(fromUs.get(key).matches("\"-?\\d+\\.\\d+\""), key + "=" + fromUs.get(key));
        }
        for (String key : List.of("thread", "process")) {
            assertTrue(fromUs.get(key).matches("\"\\d+\""), key + "=" + fromUs.get(key));
        }
        assertEquals(lines(output, "R python"), lines(output, "R java"), "method and path");
        assertEquals(lines(output, "U python"), lines(output, "U java"), "the url's own query, then '&'");
        for (String header : List.of("Content-Type", "Authorization", "Accept-Encoding")) {
            assertEquals(lines(output, "H python " + header), lines(output, "H java " + header), header);
        }
    }

    private static Map<String, String> fields(List<String> output, String sender) {
        Map<String, String> fields = new LinkedHashMap<>();
        String prefix = "F " + sender + " ";
        for (String line : output) {
            if (line.startsWith(prefix)) {
                String rest = line.substring(prefix.length());
                int space = rest.indexOf(' ');
                fields.put(rest.substring(0, space), rest.substring(space + 1));
            }
        }
        assertTrue(!fields.isEmpty(), "no fields from " + sender + " in " + output);
        return fields;
    }

    private static List<String> lines(List<String> output, String prefix) {
        List<String> found = new ArrayList<>();
        for (String line : output) {
            if (line.startsWith(prefix)) {
                found.add(line.substring(prefix.length()));
            }
        }
        return found;
    }
}
