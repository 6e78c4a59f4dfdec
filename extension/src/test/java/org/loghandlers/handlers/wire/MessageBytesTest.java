package org.loghandlers.handlers.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A message's bytes built in place: the JDK's UTF-8, Utf8Truncation's cut, framing prefixes. */
class MessageBytesTest {

    private static final List<String> TEXTS = List.of("", "plain ascii", "caf\u00e9", "\u20ac and \u00e9",
            "emoji \ud83d\ude00 pair", "lone high \ud800 then text", "lone low \udc00", "high at the end \ud83d",
            "\ud800\ud800\udc00 high, then a pair", "\u0000 nul and \u007f del", "x".repeat(2000) + "\u20ac");

    private static byte[] bytes(MessageBytes message) {
        ByteBuffer buffer = message.buffer();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    @Test
    void textIsEncodedAsStringGetBytesEncodesIt() {
        MessageBytes message = new MessageBytes();
        for (String text : TEXTS) {
            message.clear();
            message.appendUtf8(new StringBuilder(text));
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), bytes(message), text);
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), message.toByteArray(), text);
        }
    }

    @Test
    void aCutMessageIsWhatUtf8TruncationMakesForEveryLength() {
        byte[] nul = {0};
        MessageBytes message = new MessageBytes();
        for (String text : List.of("caf\u00e9 \u20ac \ud83d\ude00!", "ab")) {
            byte[] content = text.getBytes(StandardCharsets.UTF_8);
            for (int max = -1; max <= content.length + 2; max++) {
                for (byte[] tail : List.of(new byte[0], nul)) {
                    message.clear();
                    message.append(content);
                    message.fit(tail, max);
                    boolean whole = max <= 0 || content.length + tail.length <= max;
                    int tailKept = whole || tail.length <= max ? tail.length : 0;
                    int kept = whole ? content.length : Utf8Truncation.prefixLength(content, max - tailKept);
                    byte[] expected = Arrays.copyOf(content, kept + tailKept);
                    System.arraycopy(tail, 0, expected, kept, tailKept);
                    assertArrayEquals(expected, bytes(message), text + " in " + max + " bytes");
                }
            }
        }
    }

    @Test
    void numbersAndPrefixes() {
        MessageBytes message = new MessageBytes();
        message.appendDecimal(0);
        message.appendByte(' ');
        message.appendDecimal(-42);
        message.appendByte(' ');
        message.appendDecimal(Integer.MIN_VALUE);
        message.appendByte(' ');
        message.appendZeroPadded(1234, 6);
        message.prependDecimal(message.length(), ' ');
        assertEquals("24 0 -42 -2147483648 001234", new String(bytes(message), StandardCharsets.US_ASCII));
        message.clear();
        message.appendUtf8("one\ntwo\n");
        message.replace('\n', ' ');
        message.prependDecimal(Integer.MAX_VALUE, ' ');
        assertEquals("2147483647 one two ", new String(bytes(message), StandardCharsets.US_ASCII));
    }
}
