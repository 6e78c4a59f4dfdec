package org.loghandlers.receivers.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.receivers.GoldenFrame;
import org.loghandlers.testing.Python;

/** The restricted unpickler reads what CPython's pickle writes for plain data, and refuses everything else. */
class RestrictedUnpicklerTest {

    @TempDir
    Path work;

    @Test
    void readsTheGoldenSocketHandlerFrameOfCPython313() throws Exception {
        Object value = RestrictedUnpickler.loads(GoldenFrame.pickle());
        Map<?, ?> dict = assertInstanceOf(LinkedHashMap.class, value);
        assertEquals(List.of("name", "msg", "args", "levelname", "levelno", "pathname", "filename", "module",
                "exc_info", "exc_text", "stack_info", "lineno", "funcName", "created", "msecs", "relativeCreated",
                "thread", "threadName", "processName", "process", "taskName"), new ArrayList<>(dict.keySet()));
        assertEquals("tcp", dict.get("name"));
        assertEquals("hello w\u00f6rld", dict.get("msg"));
        assertNull(dict.get("args"));
        assertEquals("ERROR", dict.get("levelname"));
        assertEquals(40L, dict.get("levelno"));
        assertEquals("/tmp/x.py", dict.get("pathname"));
        assertEquals(42L, dict.get("lineno"));
        assertEquals("f", dict.get("funcName"));
        assertEquals(1700000000.25, dict.get("created"));
        assertEquals(250.0, dict.get("msecs"));
        assertEquals(12.5, dict.get("relativeCreated"));
        assertEquals(140000000000000L, dict.get("thread"));
        assertEquals("MainThread", dict.get("threadName"));
        assertEquals(1234L, dict.get("process"));
        assertEquals("MainProcess", dict.get("processName"));
        assertTrue(dict.containsKey("taskName") && dict.get("taskName") == null);
    }

    /** The value the Python script below pickles, as this unpickler gives it back. */
    private static Map<Object, Object> expectedSample(int protocol) {
        Map<Object, Object> sample = new LinkedHashMap<>();
        sample.put("none", null);
        sample.put("t", true);
        sample.put("f", false);
        sample.put("small", 7L);
        sample.put("medium", 300L);
        sample.put("negative", -5L);
        sample.put("i32", 70000L);
        sample.put("i64", 140000000000000L);
        sample.put("big", BigInteger.TWO.pow(70));
        sample.put("negative_big", BigInteger.TWO.pow(65).negate());
        sample.put("float", 0.25);
        sample.put("inf", Double.POSITIVE_INFINITY);
        sample.put("str", "w\u00f6rld \u2713 \ud834\udd1e \\ \n end");
        sample.put("empty", "");
        sample.put("long_str", "x".repeat(300));
        sample.put("tuple", List.of(1L, "a"));
        sample.put("single", List.of("only"));
        sample.put("list", new ArrayList<>(List.of(1L, new ArrayList<>(List.of(2L, 3L)))));
        sample.put("nested", new LinkedHashMap<>(Map.of("k", new ArrayList<>(Arrays.asList((Object) null)))));
        sample.put("tuple_key", new LinkedHashMap<>(Map.of(List.of(1L, 2L), "x")));
        sample.put("int_key", new LinkedHashMap<>(Map.of(5L, "five")));
        if (protocol >= 3) {
            sample.put("bytes", new byte[] {0, (byte) 0xff, 'a'});
        }
        return sample;
    }

    private static final String SAMPLE_SCRIPT = """
            import pickle, sys
            for protocol in range(6):
                shared = 'shared text'
                sample = {'none': None, 't': True, 'f': False, 'small': 7, 'medium': 300, 'negative': -5,
                          'i32': 70000, 'i64': 140000000000000, 'big': 2 ** 70, 'negative_big': -2 ** 65,
                          'float': 0.25, 'inf': float('inf'), 'str': 'w\\u00f6rld \\u2713 \\U0001d11e \\\\ \\n end',
                          'empty': '', 'long_str': 'x' * 300, 'tuple': (1, 'a'), 'single': ('only',),
                          'list': [1, [2, 3]], 'nested': {'k': [None]}, 'tuple_key': {(1, 2): 'x'},
                          'int_key': {5: 'five'}}
                if protocol >= 3:
                    sample['bytes'] = b'\\x00\\xffa'
                sample['shared'] = [shared, shared]
                print(protocol, pickle.dumps(sample, protocol).hex())
            """;

    @Test
    void readsWhatCPythonPicklesInEveryProtocolFrom0To5() throws Exception {
        String output = Python.run(SAMPLE_SCRIPT, work, Map.of());
        int checked = 0;
        for (String line : output.strip().split("\n")) {
            String[] parts = line.strip().split(" ");
            int protocol = Integer.parseInt(parts[0]);
            @SuppressWarnings("unchecked")
            Map<Object, Object> decoded = (Map<Object, Object>) RestrictedUnpickler.loads(
                    HexFormat.of().parseHex(parts[1]));
            List<?> shared = (List<?>) decoded.remove("shared");
            assertEquals(List.of("shared text", "shared text"), shared, "protocol " + protocol);
            assertSame(shared.get(0), shared.get(1), "protocol " + protocol + ": the memo gives back the same str");
            Map<Object, Object> expected = expectedSample(protocol);
            byte[] expectedBytes = (byte[]) expected.remove("bytes");
            byte[] decodedBytes = (byte[]) decoded.remove("bytes");
            assertEquals(expected, decoded, "protocol " + protocol);
            assertEquals(List.copyOf(expected.keySet()), List.copyOf(decoded.keySet()), "protocol " + protocol);
            if (expectedBytes != null) {
                assertArrayEquals(expectedBytes, decodedBytes, "protocol " + protocol);
            }
            checked++;
        }
        assertEquals(6, checked, output);
    }

    @Test
    void refusesAReducePayloadNamingOsSystemAndNeverLooksItUp() {
        // What pickle.dumps of an object whose __reduce__ returns (os.system, ('echo pwned',)) gives in protocol 0.
        byte[] attack = "cos\nsystem\n(S'echo pwned'\ntR.".getBytes(StandardCharsets.US_ASCII);
        RefusedPickleException refused = assertThrows(RefusedPickleException.class,
                () -> RestrictedUnpickler.loads(attack));
        assertEquals("GLOBAL", refused.opcode());
        assertEquals("refused pickle opcode GLOBAL naming os.system at offset 0: a pickle that names, builds or"
                + " calls an object is never accepted", refused.getMessage());
    }

    private static final String HOSTILE_SCRIPT = """
            import os, pickle
            class Attack:
                def __reduce__(self):
                    return (os.system, ('echo pwned',))
            for protocol in range(6):
                print(protocol, pickle.dumps({'msg': Attack()}, protocol).hex())
            """;

    @Test
    void refusesCPythonsReducePayloadInEveryProtocol() throws Exception {
        String output = Python.run(HOSTILE_SCRIPT, work, Map.of());
        for (String line : output.strip().split("\n")) {
            String[] parts = line.strip().split(" ");
            int protocol = Integer.parseInt(parts[0]);
            RefusedPickleException refused = assertThrows(RefusedPickleException.class,
                    () -> RestrictedUnpickler.loads(HexFormat.of().parseHex(parts[1])), "protocol " + protocol);
            assertEquals(protocol >= 4 ? "STACK_GLOBAL" : "GLOBAL", refused.opcode(), "protocol " + protocol);
            assertTrue(refused.getMessage().contains(".system at offset"), refused.getMessage());
        }
    }

    @Test
    void refusesEveryOpcodeThatBuildsCallsOrLooksUpAnObject() {
        Map<String, String> opcodes = new LinkedHashMap<>();
        opcodes.put("REDUCE", "NN)R.");
        opcodes.put("BUILD", "}}b.");
        opcodes.put("INST", "(ibuiltins\nobject\n.");
        opcodes.put("OBJ", "(No.");
        opcodes.put("NEWOBJ", "N)\u0081.");
        opcodes.put("NEWOBJ_EX", "N)}\u0092.");
        opcodes.put("PERSID", "P1\n.");
        opcodes.put("BINPERSID", "NQ.");
        opcodes.put("EXT1", "\u0082\u0001.");
        opcodes.put("EXT2", "\u0083\u0001\u0000.");
        opcodes.put("EXT4", "\u0084\u0001\u0000\u0000\u0000.");
        opcodes.put("STACK_GLOBAL", "\u008c\u0002os\u008c\u0006system\u0093.");
        opcodes.put("NEXT_BUFFER", "\u0097.");
        opcodes.put("READONLY_BUFFER", "N\u0098.");
        opcodes.put("EMPTY_SET", "\u008f.");
        opcodes.put("FROZENSET", "(\u0091.");
        opcodes.forEach((name, pickle) -> {
            RefusedPickleException refused = assertThrows(RefusedPickleException.class,
                    () -> RestrictedUnpickler.loads(pickle.getBytes(StandardCharsets.ISO_8859_1)), name);
            assertEquals(name, refused.opcode());
        });
    }

    @Test
    void everyTruncationOfTheGoldenFrameIsMalformedNeverAnotherException() {
        byte[] pickle = GoldenFrame.pickle();
        for (int length = 0; length < pickle.length; length++) {
            int cut = length;
            assertThrows(WireFormatException.class, () -> RestrictedUnpickler.loads(pickle, 0, cut),
                    "cut at " + cut);
        }
    }

    @Test
    void corruptedFramesEitherDecodeOrFailAsWireFormatErrors() {
        byte[] pickle = GoldenFrame.pickle();
        Random random = new Random(11);
        for (int round = 0; round < 20_000; round++) {
            byte[] corrupted = pickle.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                corrupted[random.nextInt(corrupted.length)] = (byte) random.nextInt(256);
            }
            try {
                RestrictedUnpickler.loads(corrupted);
            } catch (WireFormatException expected) {
                // refused or malformed: what the receiver reports
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                fail("round " + round + ": " + HexFormat.of().formatHex(corrupted), e);
            }
        }
    }

    @Test
    void malformedPicklesNameWhatIsWrong() {
        assertMalformed("", "the pickle ends before STOP");
        assertMalformed(".", "the stack is empty");
        assertMalformed("h\u0007.", "memo entry 7 was never stored");
        assertMalformed("NNa.", "appending to NoneType, not a list");
        assertMalformed("(]]d.", "unhashable dict key of type list");
        assertMalformed("\u0080\u0006N.", "unsupported pickle protocol 6");
        assertMalformed("X\u00ff\u00ff\u00ff\u0000abc.", "runs past the end");
        assertMalformed("I12x\n.", "'12x' is not an integer");
        assertMalformed("L" + "9".repeat(5000) + "L\n.", "an integer of 5000 digits");
        assertMalformed("\u00ff.", "unknown opcode 0xff");
    }

    private static void assertMalformed(String pickle, String expected) {
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> RestrictedUnpickler.loads(pickle.getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
    }

    @Test
    void aListThatContainsItselfIsDecodedWithoutRecursing() throws Exception {
        // l = []; l.append(l); pickle.dumps(l, 2)
        Object value = RestrictedUnpickler.loads(HexFormat.of().parseHex("80025d7100680061"
                + "2e"));
        List<?> list = assertInstanceOf(List.class, value);
        assertSame(list, list.get(0));
    }
}
