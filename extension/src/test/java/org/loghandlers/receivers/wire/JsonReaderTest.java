package org.loghandlers.receivers.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The JSON reader reads RFC 8259 text into plain Java values and names the offset of what is wrong. */
class JsonReaderTest {

    @Test
    void readsEveryKindOfValue() throws Exception {
        Object value = JsonReader.parse(" {\"s\":\"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00/\", \"i\":-12, \"big\":"
                + "123456789012345678901234567890, \"d\":1.5e2, \"t\":true, \"f\":false, \"n\":null,"
                + " \"a\":[1,[],{}], \"o\":{\"k\":\"v\"}} ");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("s", "a\"b\\c\n\u00e9\ud83d\ude00/");
        expected.put("i", -12L);
        expected.put("big", new BigInteger("123456789012345678901234567890"));
        expected.put("d", 150.0);
        expected.put("t", true);
        expected.put("f", false);
        expected.put("n", null);
        expected.put("a", Arrays.asList(1L, List.of(), Map.of()));
        expected.put("o", Map.of("k", "v"));
        assertEquals(expected, value);
    }

    @Test
    void refusesWhatTheGrammarDoesNotAllow() {
        for (String[] bad : new String[][] {
                {"", "the text ends where a value should be"},
                {"{\"a\":1,}", "an object key must be a string"},
                {"[1 2]", "expected ']'"},
                {"{\"a\":1} x", "text after the value"},
                {"\"tab\there\"", "an unescaped control character"},
                {"01", "text after the value"},
                {"-", "a number without digits"},
                {"nul", "expected null"},
                {"\"\\q\"", "an unknown escape"},
                {"[".repeat(100), "nested deeper than 64 levels"}}) {
            WireFormatException e = assertThrows(WireFormatException.class, () -> JsonReader.parse(bad[0]), bad[0]);
            assertTrue(e.getMessage().startsWith("malformed JSON at offset "), e.getMessage());
            assertTrue(e.getMessage().contains(bad[1]), () -> bad[0] + ": " + e.getMessage());
        }
    }
}
