package org.loghandlers.handlers.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MailHostTest {

    @Test
    void aHostAloneTakesTheDefaultPortOfItsSecurity() {
        MailHost host = MailHost.parse("mail.example.com");
        assertEquals("mail.example.com", host.host());
        assertEquals(25, host.portOr(25));
        assertEquals(465, host.portOr(465));
        assertEquals("mail.example.com", host.describe());
    }

    @Test
    void aPortAfterAColonIsTheOneUsed() {
        assertEquals(new MailHost("smtp.example.com", 587), MailHost.parse(" smtp.example.com:587 "));
        assertEquals(587, MailHost.parse("smtp.example.com:587").portOr(465));
        assertEquals(new MailHost("127.0.0.1", 2525), MailHost.parse("127.0.0.1:2525"));
    }

    @Test
    void anIpv6AddressIsWrittenInBrackets() {
        assertEquals(new MailHost("::1", 2525), MailHost.parse("[::1]:2525"));
        assertEquals(new MailHost("2001:db8::25", MailHost.DEFAULT_PORT), MailHost.parse("[2001:db8::25]"));
        assertEquals("[::1]:2525", MailHost.parse("[::1]:2525").describe());
    }

    @Test
    void malformedAddressesAreRefusedNamingTheText() {
        for (String bad : List.of("", " ", "host:", "host:0", "host:65536", "host:25x", ":25", "::1", "[::1",
                "[::1]x", "[]:25", "user@host", "mail host", "smtp://host", "host:25:26")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> MailHost.parse(bad), bad);
            assertTrue(refused.getMessage().startsWith("mailhost: '" + bad + "' is not a mail server address;"
                    + " accepted: a host name"), refused.getMessage());
        }
    }
}
