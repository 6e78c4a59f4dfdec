package org.loghandlers.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8TextTest {

    private static byte[] utf8(String text) {
        Utf8Text out = new Utf8Text(4);
        out.appendUtf8(text);
        return Arrays.copyOf(out.bytes(), out.length());
    }

    @Test
    void encodesAsStringGetBytesDoesForEveryKindOfCharacter() {
        String[] texts = {"", "plain ascii", "café", "до свидания", "中文日志", "emoji \ud83d\ude00 here",
            "lone high \ud800 surrogate", "lone low \udc00 surrogate", "high at the end \ud83d", "\udc00\ud800",
            "\u007f\u0080\u07ff\u0800\uffff", "x".repeat(100_000) + "é"};
        for (String text : texts) {
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), utf8(text), text);
        }
    }

    @Test
    void encodesRandomTextAsStringGetBytesDoes() {
        Random random = new Random(20261203);
        for (int round = 0; round < 2_000; round++) {
            char[] chars = new char[random.nextInt(40)];
            for (int i = 0; i < chars.length; i++) {
                int pick = random.nextInt(4);
                chars[i] = (char) (pick == 0 ? random.nextInt(0x80)
                        : pick == 1 ? 0xD800 + random.nextInt(0x800) : random.nextInt(0x10000));
            }
            String text = new String(chars);
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), utf8(text), () -> text.chars()
                    .mapToObj(Integer::toHexString).toList().toString());
        }
    }

    @Test
    void appendsAfterWhatIsThereAndGrowsAsNeeded() {
        Utf8Text out = new Utf8Text(1);
        out.appendEncoded("2003-07-08 ".getBytes(StandardCharsets.UTF_8));
        out.appendAscii('[');
        out.appendUtf8(new StringBuilder("ünïcode"));
        out.appendAscii(']');
        assertEquals("2003-07-08 [ünïcode]", new String(out.bytes(), 0, out.length(), StandardCharsets.UTF_8));
        assertEquals(']', out.lastByte());
        assertTrue(out.endsWith("]".getBytes(StandardCharsets.UTF_8)));
        assertFalse(out.endsWith("\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(out.endsWith(new byte[0]));
    }

    @Test
    void clearingEmptiesTheTextAndGivesUpAnArrayGrownPastTheLimit() {
        Utf8Text out = new Utf8Text(16);
        out.appendUtf8("y".repeat(10_000));
        out.clear(64 * 1024);
        assertEquals(0, out.length());
        assertEquals(-1, out.lastByte());
        assertTrue(out.bytes().length >= 10_000, "kept while under the limit");
        out.appendUtf8("z".repeat(100_000));
        out.clear(64 * 1024);
        assertTrue(out.bytes().length <= 64 * 1024, "given up past the limit");
        assertFalse(out.endsWith(new byte[] {'z'}));
    }
}
