package org.loghandlers.handlers.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.testing.Python;

/** Python's urlencode of a record dictionary; the expected texts are CPython 3.13's. */
class FormBodyTest {

    @TempDir
    Path dir;

    @Test
    void encodesLikeUrlencodeWithQuotePlus() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("msg", "sp\u00e4m %s");
        fields.put("args", new Object[] {"a&b"});
        fields.put("x", "~*_.- /+");
        fields.put("e", "");
        fields.put("exc_info", null);
        fields.put("levelno", 40L);
        fields.put("msecs", 123.0);
        assertEquals("msg=sp%C3%A4m+%25s&args=%28%27a%26b%27%2C%29&x=~%2A_.-+%2F%2B&e=&exc_info=None&levelno=40"
                + "&msecs=123.0", FormBody.encode(fields));
    }

    @Test
    void isEmptyForNoFields() {
        assertEquals("", FormBody.encode(Map.of()));
    }

    /** Every byte value and characters beyond the BMP, in keys and values, as CPython encodes them. */
    @Test
    void agreesWithCPythonOnEveryCharacter() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int c = 1; c < 0x800; c++) {
            all.append((char) c);
        }
        all.append("\ud83d\ude00\u20ac");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("all", all.toString());
        fields.put("k e/y&=", "v");
        fields.put("tuple", new Object[] {all.substring(0, 200), 1.5, null});
        Path input = Files.writeString(dir.resolve("all.txt"), all, StandardCharsets.UTF_8);
        String python = Python.run("import sys, urllib.parse\n"
                + "a = open(sys.argv[1], encoding='utf-8', newline='').read()\n"
                + "print(urllib.parse.urlencode({'all': a, 'k e/y&=': 'v', 'tuple': str((a[:200], 1.5, None))}),"
                + " end='')\n", dir, Map.of(), input.toString());
        assertEquals(python, FormBody.encode(fields));
    }

    @Test
    void joinsJsonValuesAsAnArrayOrAsLines() {
        assertEquals("[{\"a\":1},{\"b\":2}]", JsonBody.ARRAY.join(List.of("{\"a\":1}", "{\"b\":2}")));
        assertEquals("{\"a\":1}\n{\"b\":2}\n", JsonBody.LINES.join(List.of("{\"a\":1}", "{\"b\":2}")));
        assertEquals("application/json", JsonBody.ARRAY.contentType());
        assertEquals("application/x-ndjson", JsonBody.LINES.contentType());
    }
}
