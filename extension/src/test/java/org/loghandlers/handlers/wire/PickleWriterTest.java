package org.loghandlers.handlers.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.receivers.GoldenFrame;
import org.loghandlers.testing.Python;

/** Pickle protocol 1 as CPython 3.13 writes it: against a frame CPython made, and against CPython itself. */
class PickleWriterTest {

    /** The record of golden_socket_frame_py3.13.hex, as its first lines describe it. */
    private static Map<String, Object> goldenRecordDict() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", "tcp");
        d.put("msg", "hello w\u00f6rld");
        d.put("args", null);
        d.put("levelname", "ERROR");
        d.put("levelno", 40L);
        d.put("pathname", "/tmp/x.py");
        d.put("filename", "x.py");
        d.put("module", "x");
        d.put("exc_info", null);
        d.put("exc_text", null);
        d.put("stack_info", null);
        d.put("lineno", 42L);
        d.put("funcName", "f");
        d.put("created", 1700000000.25);
        d.put("msecs", 250.0);
        d.put("relativeCreated", 12.5);
        d.put("thread", 140000000000000L);
        d.put("threadName", "MainThread");
        d.put("processName", "MainProcess");
        d.put("process", 1234L);
        d.put("taskName", null);
        return d;
    }

    @Test
    void theFrameOfTheGoldenRecordIsTheOneCPythonMade() {
        assertArrayEquals(GoldenFrame.frame(), PickleWriter.frame(goldenRecordDict()));
    }

    @Test
    void theFrameIsABigEndianLengthThenTheProtocolOnePickle() {
        byte[] pickle = PickleWriter.dumps(goldenRecordDict());
        byte[] frame = PickleWriter.frame(goldenRecordDict());
        assertEquals(frame.length - 4, ((frame[0] & 0xff) << 24) | ((frame[1] & 0xff) << 16)
                | ((frame[2] & 0xff) << 8) | (frame[3] & 0xff));
        assertEquals('}', pickle[0], "protocol 1 has no PROTO opcode; the dict comes first");
        assertEquals('.', pickle[pickle.length - 1]);
        assertArrayEquals(pickle, java.util.Arrays.copyOfRange(frame, 4, frame.length));
    }

    @Test
    void aDictWrittenEntryByEntryIntoAReusedWriterIsThePickleOfTheMap() {
        PickleWriter writer = new PickleWriter();
        for (int n : new int[] {0, 1, 2, 21, 999, 1000, 1001, 2000, 2001, 21}) {
            Map<String, Object> dict = new LinkedHashMap<>();
            String shared = new String("the same object");
            writer.startFrame();
            writer.startDict(n);
            for (int i = 0; i < n; i++) {
                String key = "k" + i;
                switch (i % 5) {
                    case 0 -> {
                        dict.put(key, (long) i * 1_000_003);
                        writer.integerEntry(key, (long) i * 1_000_003);
                    }
                    case 1 -> {
                        dict.put(key, i / 3.0);
                        writer.floatEntry(key, i / 3.0);
                    }
                    case 2 -> {
                        dict.put(key, shared);
                        writer.textEntry(key, shared);
                    }
                    case 3 -> {
                        dict.put(key, i % 2 == 0 ? null : "x");
                        writer.textEntry(key, i % 2 == 0 ? null : "x");
                    }
                    default -> {
                        Object[] tuple = {key, shared};
                        dict.put(key, tuple);
                        writer.entry(key, tuple);
                    }
                }
            }
            writer.endDict();
            int length = writer.finishFrame();
            assertArrayEquals(PickleWriter.frame(dict), java.util.Arrays.copyOf(writer.buffer(), length),
                    n + " entries");
        }
    }

    @Test
    void aValueThatPythonCannotHoldIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PickleWriter.dumps(Map.of("when", java.time.Instant.EPOCH)));
        assertTrue(refused.getMessage().contains("java.time.Instant"), refused.getMessage());
    }

    /** One value, and a Python expression that makes an equal value. */
    private record Case(Object value, String python) {
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (long n : new long[] {0, 1, 255, 256, 65535, 65536, -1, -255, Integer.MAX_VALUE, Integer.MIN_VALUE,
                Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            cases.add(new Case(n, Long.toString(n)));
        }
        cases.add(new Case(7, "7"));
        cases.add(new Case((short) -3, "-3"));
        cases.add(new Case(BigInteger.TWO.pow(70), "2**70"));
        cases.add(new Case(BigInteger.TWO.pow(70).negate(), "-2**70"));
        cases.add(new Case(BigInteger.valueOf(5), "5"));
        cases.add(new Case(1.5, "1.5"));
        cases.add(new Case(-0.0, "-0.0"));
        cases.add(new Case(1e300, "1e300"));
        cases.add(new Case(Double.POSITIVE_INFINITY, "float('inf')"));
        cases.add(new Case(0.1f, "float.fromhex('" + Double.toHexString(0.1f) + "')"));
        cases.add(new Case(true, "True"));
        cases.add(new Case(false, "False"));
        cases.add(new Case(null, "None"));
        cases.add(new Case("", "''"));
        cases.add(new Case("a", "'a'"));
        cases.add(new Case("sp\u00e4m \u2713 \ud83d\ude00", "'sp\\xe4m \\u2713 \\U0001F600'"));
        cases.add(new Case("lone \ud800 surrogate", "'lone \\ud800 surrogate'"));
        cases.add(new Case("x".repeat(70_000), "'x' * 70000"));
        cases.add(new Case(new StringBuilder("built"), "'built'"));
        for (int n : new int[] {0, 1, 2, 999, 1000, 1001, 2000, 2001}) {
            Map<String, Object> dict = new LinkedHashMap<>();
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                dict.put("k" + i, (long) i);
                list.add((long) i);
            }
            cases.add(new Case(dict, "{'k%d' % i: i for i in range(" + n + ")}"));
            cases.add(new Case(list, "list(range(" + n + "))"));
        }
        cases.add(new Case(new Object[0], "()"));
        cases.add(new Case(new Object[] {1L}, "(1,)"));
        cases.add(new Case(new Object[] {1L, "two", null, 3.0}, "(1, 'two', None, 3.0)"));
        // Equal strings that are different objects: CPython shares '' and single characters below U+0100 only.
        Map<String, Object> sharing = new LinkedHashMap<>();
        sharing.put("a", new String("x"));
        sharing.put("b", new String("x"));
        sharing.put("c", new String("\u0101"));
        sharing.put("d", new String("\u0101"));
        sharing.put("e", new String("same text"));
        sharing.put("f", new String("same text"));
        sharing.put("g", new String(""));
        sharing.put("h", new String(""));
        sharing.put("x", "key and value");
        cases.add(new Case(sharing, "{'a': 'x', 'b': 'x', 'c': '\\u0101', 'd': '\\u0101', 'e': 'same text',"
                + " 'f': 'same text', 'g': '', 'h': '', 'x': 'key and value'}"));
        // The same objects again: referenced from the memo, with 4-byte indexes past 255 entries.
        String repeated = new String("repeated");
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("inner", repeated);
        List<Object> many = new ArrayList<>();
        many.add(repeated);
        many.add(inner);
        for (int i = 0; i < 300; i++) {
            many.add("item " + i);
        }
        many.add(repeated);
        many.add(inner);
        many.add(many.get(250));
        cases.add(new Case(many, "(lambda r, i: [r, i] + ['item %d' % n for n in range(300)] + [r, i, 'item 248'])"
                + "('repeated', {'inner': 'repeated'})"));
        return cases;
    }

    @Test
    void cpythonReadsEachValueAsTheValueItStandsForAndPicklesItToTheSameBytes(@TempDir Path dir) throws Exception {
        List<Case> cases = cases();
        for (int i = 0; i < cases.size(); i++) {
            Files.write(dir.resolve(i + ".pickle"), PickleWriter.dumps(cases.get(i).value()));
            Files.writeString(dir.resolve(i + ".expr"), cases.get(i).python());
        }
        String output = Python.run("""
                import math, pathlib, pickle, sys
                for i in range(int(sys.argv[1])):
                    ours = pathlib.Path(f'{i}.pickle').read_bytes()
                    value = pickle.loads(ours)
                    expected = eval(pathlib.Path(f'{i}.expr').read_text())
                    same_value = value == expected and type(value) is type(expected)
                    again = pickle.dumps(value, 1)
                    print(i, 'ok' if same_value and again == ours else
                          f'differs: value {value!r:.200} expected {expected!r:.200}'
                          f' ours {ours[:120]!r} cpython {again[:120]!r}')
                """, dir, Map.of(), Integer.toString(cases.size()));
        List<String> failures = output.lines().filter(line -> !line.endsWith(" ok")).toList();
        assertEquals(List.of(), failures, output);
        assertEquals(cases.size(), output.lines().count(), output);
    }
}
