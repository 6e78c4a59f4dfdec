package org.loghandlers.handlers.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.testing.Python;

/** Python's str() and repr() of record values; the expected texts are what CPython 3.13 prints for them. */
class PythonReprTest {

    @TempDir
    Path dir;

    @Test
    void writesNoneBooleansAndIntegersAsPythonDoes() {
        assertEquals("None", PythonRepr.str(null));
        assertEquals("True", PythonRepr.str(true));
        assertEquals("False", PythonRepr.str(Boolean.FALSE));
        assertEquals("42", PythonRepr.str(42L));
        assertEquals("-7", PythonRepr.str(-7));
        assertEquals("text as it is", PythonRepr.str("text as it is"));
    }

    @Test
    void writesFloatsInPythonsShortestRoundTripForm() {
        Map<Double, String> expected = Map.ofEntries(
                Map.entry(1e-05, "1e-05"), Map.entry(0.0001, "0.0001"), Map.entry(123.0, "123.0"),
                Map.entry(1e16, "1e+16"), Map.entry(1e15, "1000000000000000.0"),
                Map.entry(1718000000.1234567, "1718000000.1234567"), Map.entry(0.1, "0.1"),
                Map.entry(-2.5, "-2.5"), Map.entry(1.5e300, "1.5e+300"), Map.entry(5e-324, "5e-324"),
                Map.entry(Double.POSITIVE_INFINITY, "inf"), Map.entry(Double.NaN, "nan"), Map.entry(-0.0, "-0.0"),
                Map.entry(2.82879384806159e17, "2.82879384806159e+17"), Map.entry(100.0, "100.0"),
                Map.entry(1e22, "1e+22"), Map.entry(Double.MAX_VALUE, "1.7976931348623157e+308"));
        expected.forEach((value, text) -> assertEquals(text, PythonRepr.str(value), "repr of " + value));
    }

    @Test
    void writesTuplesWithTheirItemsReprAndTheOneItemComma() {
        assertEquals("('a&b',)", PythonRepr.str(new Object[] {"a&b"}));
        assertEquals("()", PythonRepr.str(new Object[0]));
        assertEquals("(1, None, True, 2.5, \"it's\", 'q\"', 'both\\'\"', 'tab\\tnl\\n',"
                + " '\\x00\\x7f\\x9f\\xa0\u00e4\\u200b\ud83d\ude00\\ud800')",
                PythonRepr.str(new Object[] {1, null, true, 2.5, "it's", "q\"", "both'\"", "tab\tnl\n",
                    "\u0000\u007f\u009f\u00a0\u00e4\u200b\ud83d\ude00\ud800"}));
    }

    @Test
    void showsAnObjectWithoutAPythonFormAsItsQuotedText() {
        Object order = new Object() {
            @Override
            public String toString() {
                return "Order 7";
            }
        };
        assertEquals("('Order 7', 'x')", PythonRepr.str(new Object[] {order, 'x'}));
    }

    /** Random doubles of every magnitude: each must print as CPython's repr prints the same bits. */
    @Test
    void agreesWithCPythonOnRandomDoubles() throws Exception {
        SplittableRandom random = new SplittableRandom(20261201);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            values.add(Double.longBitsToDouble(random.nextLong()));
            values.add(random.nextDouble() * Math.pow(10, random.nextInt(-8, 20)));
            values.add((double) Math.round(random.nextDouble() * 1e6) / 1000);
        }
        values.removeIf(value -> Double.isNaN(value));
        StringBuilder bits = new StringBuilder();
        StringBuilder ours = new StringBuilder();
        for (double value : values) {
            bits.append(Long.toHexString(Double.doubleToRawLongBits(value))).append('\n');
            ours.append(PythonRepr.str(value)).append('\n');
        }
        Path input = Files.writeString(dir.resolve("bits.txt"), bits);
        String python = Python.run("import struct, sys\n"
                + "for line in open(sys.argv[1]):\n"
                + "    print(repr(struct.unpack('>d', bytes.fromhex(line.strip().rjust(16, '0')))[0]))\n",
                dir, Map.of(), input.toString());
        assertEquals(python, ours.toString());
    }

    /**
     * Every character up to U+3000 and a few beyond, one by one, against CPython's repr. Characters that only one
     * side's Unicode version has assigned are left out: CPython 3.13 (Unicode 15.1) and Java 17 (13) or Java 25 (16)
     * disagree on whether they are printable, and neither is wrong for its own tables.
     */
    @Test
    void agreesWithCPythonOnTheReprOfEveryKindOfCharacter() throws Exception {
        List<Integer> characters = new ArrayList<>();
        for (int c = 0; c < 0x3000; c++) {
            characters.add(c);
        }
        characters.addAll(List.of(0x1f600, 0xe000, 0x10ffff, 0xfeff, 0x2028));
        characters.removeIf(c -> Character.getType(c) == Character.UNASSIGNED);
        StringBuilder hex = new StringBuilder();
        for (int c : characters) {
            hex.append(Integer.toHexString(c)).append('\n');
        }
        Path input = Files.writeString(dir.resolve("chars.txt"), hex);
        List<String> python = Python.run("import sys, unicodedata\n"
                + "for line in open(sys.argv[1]):\n"
                + "    c = chr(int(line, 16))\n"
                + "    sys.stdout.buffer.write((unicodedata.category(c) + ' ' + repr(c) + '\\n').encode('utf-8'))\n",
                dir, Map.of(), input.toString()).lines().toList();
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < characters.size(); i++) {
            if (python.get(i).startsWith("Cn ")) {
                continue;
            }
            String ours = PythonRepr.repr(new String(Character.toChars(characters.get(i))));
            if (!ours.equals(python.get(i).substring(python.get(i).indexOf(' ') + 1))) {
                differences.add(Integer.toHexString(characters.get(i)) + ": ours " + ours + ", CPython "
                        + python.get(i));
            }
        }
        assertEquals(List.of(), differences.subList(0, Math.min(10, differences.size())));
        assertEquals("(\"it's\", 'x')", PythonRepr.str(new Object[] {"it's", "x"}));
    }
}
