package org.loghandlers.handlers.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailBodyAndDateTest {

    @Test
    void oneRecordWithoutNoticesIsTheRecordEndedByANewline() {
        assertEquals("Hello \u2713\n", MailBody.compose(List.of("Hello \u2713"), List.of()));
        assertEquals("already ended\n", MailBody.compose(List.of("already ended\n"), List.of()));
    }

    @Test
    void recordsFollowEachOtherAndNoticesComeAfterABlankLine() {
        assertEquals("one\ntwo\nthree\n\nnotice 1\nnotice 2\n",
                MailBody.compose(List.of("one", "two\n", "three"), List.of("notice 1", "notice 2")));
        assertEquals("only a notice\n", MailBody.compose(List.of(), List.of("only a notice")));
    }

    /** Python 3.13: email.utils.format_datetime(datetime(2026, 11, 4, 9, 5, 3, tzinfo=...)). */
    @Test
    void theDateIsWrittenAsPythonsFormatDatetimeWritesIt() {
        assertEquals("Wed, 04 Nov 2026 09:05:03 +0000",
                MailDate.format(ZonedDateTime.of(2026, 11, 4, 9, 5, 3, 0, ZoneOffset.UTC)));
        assertEquals("Tue, 24 Nov 2026 14:45:35 -0500",
                MailDate.format(ZonedDateTime.of(2026, 11, 24, 14, 45, 35, 0, ZoneId.of("America/New_York"))));
        assertEquals("Sat, 01 Aug 2026 05:30:00 +0530",
                MailDate.format(ZonedDateTime.of(2026, 8, 1, 5, 30, 0, 0, ZoneId.of("Asia/Kolkata"))));
    }
}
