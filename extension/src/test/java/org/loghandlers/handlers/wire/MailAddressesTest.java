package org.loghandlers.handlers.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MailAddressesTest {

    @Test
    void aListIsSplitAtCommasOutsideQuotesAndAngleBrackets() {
        assertEquals(List.of("you@y.test", "them@z.test"), MailAddresses.parseList("toaddrs", "you@y.test, them@z.test"));
        assertEquals(List.of("\"Ops, on call\" <ops@x.test>", "dev@x.test"),
                MailAddresses.parseList("toaddrs", "\"Ops, on call\" <ops@x.test>,dev@x.test"));
        assertEquals(List.of("<a,b@x.test>"), MailAddresses.parseList("toaddrs", "<a,b@x.test>"));
        assertEquals(List.of("you"), MailAddresses.parseList("toaddrs", "you"), "Python's test sends to 'you'");
    }

    @Test
    void oneAddressIsOne() {
        assertEquals("\"App\" <app@x.test>", MailAddresses.parseOne("fromaddr", " \"App\" <app@x.test> "));
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> MailAddresses.parseOne("fromaddr", "a@x.test, b@x.test"));
        assertTrue(two.getMessage().contains("holds 2 addresses; accepted: one mail address"), two.getMessage());
    }

    @Test
    void lineBreaksAndControlCharactersAreRefusedShownOnOneLine() {
        for (String bad : List.of("a@x.test\r\nBcc: v@evil.test", "a@x.test\nBcc: v@evil.test",
                "a@x.test\rBcc: v@evil.test", "a@x.test\u0000", "a@x.test\u2028Bcc: v@evil.test", "a@x.test\r\n",
                "\na@x.test")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> MailAddresses.parseList("toaddrs", "ok@x.test, " + bad));
            assertTrue(refused.getMessage().contains("holds a line break or another control character"),
                    refused.getMessage());
            assertTrue(refused.getMessage().chars().noneMatch(c -> c == '\r' || c == '\n'), refused.getMessage());
        }
    }

    @Test
    void emptyItemsAndUnclosedQuotesAreRefused() {
        for (String bad : List.of("", "  ", "a@x.test,", ",a@x.test", "a@x.test,,b@x.test", "\"unclosed <a@x.test>",
                "<a@x.test", "Name <a@x.test")) {
            assertThrows(IllegalArgumentException.class, () -> MailAddresses.parseList("toaddrs", bad), bad);
        }
    }
}
