package org.loghandlers.handlers.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6587's two framings, Python's absence of one, and UTF-8-safe truncation. */
class SyslogFramingTest {

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void octetCountingPutsTheLengthInBytesAndASpaceFirst() {
        assertArrayEquals(utf8("13 <14>1 caf\u00e9\n!"),
                bytes(SyslogFraming.OCTET_COUNTING.frame(utf8("<14>1 caf\u00e9\n!"))));
    }

    @Test
    void nonTransparentFramingEndsWithLfAndTurnsInnerLfsIntoSpaces() {
        assertArrayEquals(utf8("<14>one two\n"), bytes(SyslogFraming.NON_TRANSPARENT.frame(utf8("<14>one\ntwo"))));
    }

    @Test
    void pythonsFramingAddsNothing() {
        assertArrayEquals(utf8("<11>one\0"), bytes(SyslogFraming.NONE.frame(utf8("<11>one\0"))));
    }

    @Test
    void framingsAreParsedByTheirOptionNames() {
        assertEquals(SyslogFraming.OCTET_COUNTING, SyslogFraming.parse("Octet-Counting"));
        assertEquals(SyslogFraming.NON_TRANSPARENT, SyslogFraming.parse("non-transparent"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyslogFraming.parse("lf"));
        assertEquals("framing: 'lf' is not a syslog framing; expected none, octet-counting or non-transparent",
                e.getMessage());
    }

    @Test
    void truncationNeverSplitsACharacter() {
        byte[] text = utf8("a\u00e9\u20ac\uD83D\uDE00");
        assertEquals(1, Utf8Truncation.prefixLength(text, 2), "\u00e9 is two bytes");
        assertEquals(3, Utf8Truncation.prefixLength(text, 3));
        assertEquals(3, Utf8Truncation.prefixLength(text, 5), "\u20ac is three bytes");
        assertEquals(6, Utf8Truncation.prefixLength(text, 9), "the emoji is four bytes");
        assertEquals(10, Utf8Truncation.prefixLength(text, 10));
        assertEquals(10, Utf8Truncation.prefixLength(text, 100));
        assertEquals(0, Utf8Truncation.prefixLength(text, 0));
    }

    @Test
    void fitKeepsTheTailWholeAndCutsTheContent() {
        assertArrayEquals(utf8("abc\0"), Utf8Truncation.fit(utf8("abcdef"), new byte[] {0}, 4));
        assertArrayEquals(utf8("abcdef\0"), Utf8Truncation.fit(utf8("abcdef"), new byte[] {0}, 0));
        assertArrayEquals(utf8("abcdef\0"), Utf8Truncation.fit(utf8("abcdef"), new byte[] {0}, 7));
    }
}
