package org.loghandlers.handlers.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Python 3.13's {@code SysLogHandler} bytes, as CPython's own {@code SysLogHandlerTest.test_output} expects them
 * (see section 9 and 16 of the reference).
 */
class PythonSyslogFormatTest {

    private static SyslogMessage message(int priority, String text) {
        return new SyslogMessage(priority, null, null, null, null, null, StructuredData.NONE, text);
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void anErrorOfFacilityUserIsPri11ThenTheUtf8TextThenNul() {
        assertArrayEquals(bytes("<11>sp\u00c3\u00a4m\0"),
                new PythonSyslogFormat(true).encode(message(11, "sp\u00e4m"), 0));
    }

    @Test
    void appendNulOffLeavesTheNulOut() {
        assertArrayEquals(bytes("<11>sp\u00c3\u00a4m"),
                new PythonSyslogFormat(false).encode(message(11, "sp\u00e4m"), 0));
    }

    @Test
    void theIdentIsPartOfTheTextInFrontOfTheMessage() {
        assertArrayEquals(bytes("<11>h\u00c3\u00a4m-sp\u00c3\u00a4m"),
                new PythonSyslogFormat(false).encode(message(11, "h\u00e4m-sp\u00e4m"), 0));
    }

    @Test
    void aCutMessageKeepsItsNulAndEndsOnACharacterBoundary() {
        byte[] cut = new PythonSyslogFormat(true).encode(message(11, "sp\u00e4m"), 8);
        assertArrayEquals(bytes("<11>sp\0"), cut, "the two bytes of \u00e4 do not fit in 8 with the NUL");
        assertArrayEquals(bytes("<11>sp\u00c3\u00a4\0"),
                new PythonSyslogFormat(true).encode(message(11, "sp\u00e4m"), 9));
    }
}
