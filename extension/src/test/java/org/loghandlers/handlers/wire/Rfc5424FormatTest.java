package org.loghandlers.handlers.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 5424 and RFC 3164 messages, field by field. */
class Rfc5424FormatTest {

    private static final Instant WHEN = Instant.parse("2026-12-01T09:08:07.123456789Z");

    private static String rfc5424(SyslogMessage message, ZoneId zone, int maxLength) {
        return new String(new Rfc5424Format(zone).encode(message, maxLength), StandardCharsets.UTF_8);
    }

    @Test
    void everyHeaderFieldInOrderThenTheStructuredDataThenTheMessage() {
        SyslogMessage message = new SyslogMessage(165, WHEN, "mymachine.example.com", "evntslog", "4711", "ID47",
                StructuredData.of("mdc@32473", Map.of("user", "ana", "order", "42")), "An application event");
        assertEquals("<165>1 2026-12-01T09:08:07.123456Z mymachine.example.com evntslog 4711 ID47"
                + " [mdc@32473 order=\"42\" user=\"ana\"] An application event",
                rfc5424(message, ZoneOffset.UTC, 0));
    }

    @Test
    void theTimestampCarriesTheZonesOffset() {
        SyslogMessage message = new SyslogMessage(14, WHEN, "h", "a", "1", "m", StructuredData.NONE, "x");
        assertEquals("<14>1 2026-12-01T10:08:07.123456+01:00 h a 1 m - x",
                rfc5424(message, ZoneId.of("Europe/Paris"), 0));
    }

    @Test
    void missingFieldsAreNilValuesAndAnEmptyMessageHasNoTrailingSpace() {
        SyslogMessage message = new SyslogMessage(14, WHEN, null, null, "", null, StructuredData.NONE, "");
        assertEquals("<14>1 2026-12-01T09:08:07.123456Z - - - - -", rfc5424(message, ZoneOffset.UTC, 0));
    }

    @Test
    void parameterValuesEscapeQuoteBackslashAndClosingBracket() {
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("q", "say \"hi\"");
        mdc.put("b", "C:\\dir");
        mdc.put("r", "a]b");
        mdc.put("u", "caf\u00e9 [ok]");
        assertEquals("[x@1 b=\"C:\\\\dir\" q=\"say \\\"hi\\\"\" r=\"a\\]b\" u=\"caf\u00e9 [ok\\]\"]",
                StructuredData.of("x@1", mdc).toString());
    }

    @Test
    void parameterNamesAreMadeValidSdNames() {
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("user id", "1");
        mdc.put("a=b]\"c", "2");
        mdc.put("k".repeat(40), "3");
        mdc.put("", "4");
        assertEquals("[x@1 _=\"4\" a_b__c=\"2\" " + "k".repeat(32) + "=\"3\" user_id=\"1\"]",
                StructuredData.of("x@1", mdc).toString());
    }

    @Test
    void noParametersIsTheNilValue() {
        assertEquals("-", StructuredData.of("x@1", Map.of()).toString());
    }

    @Test
    void anInvalidSdIdIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StructuredData.checkId("structuredDataId", "my id"));
        assertTrue(e.getMessage().startsWith("structuredDataId: 'my id' is not an RFC 5424 SD-ID"), e.getMessage());
        assertEquals("origin", StructuredData.checkId("structuredDataId", "origin"));
    }

    @Test
    void headerFieldsFoundAtRunTimeAreMadePrintableAsciiAndCut() {
        assertEquals("my_host", HeaderField.HOSTNAME.sanitize("my host"));
        assertEquals("x".repeat(48), HeaderField.APP_NAME.sanitize("x".repeat(60)));
        assertEquals("-", HeaderField.MSGID.sanitize(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeaderField.APP_NAME.check("my app"));
        assertTrue(e.getMessage().startsWith("appName: 'my app' is not an RFC 5424 APP-NAME; expected 1 to 48"),
                e.getMessage());
    }

    @Test
    void aMessageCutToMaxLengthEndsOnACharacterBoundary() {
        SyslogMessage message = new SyslogMessage(14, WHEN, "h", "a", "1", "m", StructuredData.NONE, "\u20ac\u20ac");
        String whole = rfc5424(message, ZoneOffset.UTC, 0);
        int header = whole.getBytes(StandardCharsets.UTF_8).length - 6;
        byte[] cut = new Rfc5424Format(ZoneOffset.UTC).encode(message, header + 5);
        assertEquals(header + 3, cut.length, "the second euro sign (3 bytes) does not fit in 5");
        assertEquals(whole.substring(0, whole.length() - 1), new String(cut, StandardCharsets.UTF_8));
    }

    @Test
    void aFormatUsedMessageAfterMessageWritesEachAsAFreshOneWould() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Rfc5424Format reused5424 = new Rfc5424Format(paris);
        Rfc3164Format reused3164 = new Rfc3164Format(paris);
        MessageBytes out = new MessageBytes();
        java.time.format.DateTimeFormatter rfc3339 = java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX").withZone(paris);
        java.util.Random random = new java.util.Random(5424);
        // Across the autumn change of 2026 (an hour repeated), before 1970 and after 9999, host names changing.
        long changeAt = Instant.parse("2026-10-25T01:00:00Z").getEpochSecond();
        for (int i = 0; i < 400; i++) {
            long second = i < 200 ? changeAt - 100 + i : i < 300 ? -random.nextInt(1_000_000_000)
                    : 253_402_300_799L + random.nextInt(1000);
            Instant when = Instant.ofEpochSecond(second, random.nextInt(1_000_000_000));
            String host = i % 7 == 0 ? "other host" : "mymachine.example.com";
            SyslogMessage message = new SyslogMessage(14 + i % 3, when, host, i % 5 == 0 ? null : "app",
                    "4711", i % 2 == 0 ? null : "ID47", StructuredData.NONE, "text " + i);
            reused5424.encode(message, 0, out);
            assertEquals(rfc5424(message, paris, 0), new String(out.toByteArray(), StandardCharsets.UTF_8));
            assertTrue(rfc5424(message, paris, 0).contains(" " + rfc3339.format(when) + " "), rfc3339.format(when));
            reused3164.encode(message, 0, out);
            assertEquals(new String(new Rfc3164Format(paris).encode(message, 0), StandardCharsets.UTF_8),
                    new String(out.toByteArray(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void rfc3164HasTheLocalTimeTheShortHostNameAndTheTag() {
        SyslogMessage message = new SyslogMessage(13, Instant.parse("2026-03-05T22:14:15Z"), "mymachine.example.com",
                "su", "123", null, StructuredData.NONE, "'su root' failed");
        assertEquals("<13>Mar  5 23:14:15 mymachine su[123]: 'su root' failed",
                new String(new Rfc3164Format(ZoneId.of("Europe/Paris")).encode(message, 0), StandardCharsets.UTF_8));
    }

    @Test
    void rfc3164WithoutAnAppNameHasNoTag() {
        SyslogMessage message = new SyslogMessage(13, Instant.parse("2026-11-15T10:00:00Z"), "box", null, "123",
                null, StructuredData.NONE, "hello");
        assertEquals("<13>Nov 15 10:00:00 box hello",
                new String(new Rfc3164Format(ZoneOffset.UTC).encode(message, 0), StandardCharsets.UTF_8));
    }
}
