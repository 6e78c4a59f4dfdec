package org.loghandlers.handlers.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeaderTextTest {

    @Test
    void everyRunOfLineBreaksAndControlsBecomesOneSpace() {
        assertEquals("a Bcc: v@evil.test", HeaderText.singleLine("a\r\nBcc: v@evil.test"));
        assertEquals("a b c d", HeaderText.singleLine("a\nb\rc\r\n\r\n\td"));
        assertEquals("a b c", HeaderText.singleLine("a\u2028b\u0085c"));
        assertEquals(" a ", HeaderText.singleLine("\r\na\u0000"));
        assertEquals("", HeaderText.singleLine(null));
    }

    @Test
    void textOnOneLineIsReturnedAsItIs() {
        String clean = "Disk 93% full on db-1 \u2713";
        assertSame(clean, HeaderText.singleLine(clean));
        assertFalse(HeaderText.hasControlCharacters(clean));
        assertTrue(HeaderText.hasControlCharacters("a\rb"));
    }
}
