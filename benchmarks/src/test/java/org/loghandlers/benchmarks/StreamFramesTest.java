package org.loghandlers.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StreamFramesTest {

    private static final byte[] RECORD = ("<14>1 2026-12-01T12:00:00.000Z host - - - - " + Workload.MESSAGE)
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void countsLengthPrefixedFramesHoweverTheReadsSplitThem() {
        byte[] stream = repeat(lengthPrefixed(RECORD), 50);
        for (int chunk : new int[] {1, 2, 3, 5, 7, 64, stream.length}) {
            StreamFrames frames = feed(Wire.TCP_LENGTH_PREFIXED, stream, chunk);
            frames.end();

            assertEquals(50, frames.records(), "read " + chunk + " bytes at a time");
            assertNull(frames.error());
            assertTrue(frames.first().contains(Workload.MESSAGE), frames.first().toString());
        }
    }

    @Test
    void countsOctetCountedFramesHoweverTheReadsSplitThem() {
        byte[] stream = repeat(octetCounted(RECORD), 50);
        for (int chunk : new int[] {1, 2, 3, 64, stream.length}) {
            StreamFrames frames = feed(Wire.TCP_OCTET_COUNTING, stream, chunk);
            frames.end();

            assertEquals(50, frames.records(), "read " + chunk + " bytes at a time");
            assertNull(frames.error());
            assertTrue(frames.first().contains(Workload.MESSAGE), frames.first().toString());
        }
    }

    @Test
    void countsLinesHoweverTheReadsSplitThem() {
        byte[] stream = repeat(line(RECORD), 50);
        for (int chunk : new int[] {1, 2, 3, 64, stream.length}) {
            StreamFrames frames = feed(Wire.TCP_LINES, stream, chunk);
            frames.end();

            assertEquals(50, frames.records(), "read " + chunk + " bytes at a time");
            assertNull(frames.error());
            assertTrue(frames.first().contains(Workload.MESSAGE), frames.first().toString());
        }
    }

    @Test
    void aConnectionThatEndsInsideARecordIsAnError() {
        byte[] whole = repeat(lengthPrefixed(RECORD), 3);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 1);
        StreamFrames frames = feed(Wire.TCP_LENGTH_PREFIXED, cut, cut.length);
        frames.end();

        assertEquals(2, frames.records());
        assertNotNull(frames.error());
        assertTrue(frames.error().contains("ended inside record 3"), frames.error());

        StreamFrames lines = feed(Wire.TCP_LINES, "one\ntwo".getBytes(StandardCharsets.US_ASCII), 3);
        lines.end();
        assertEquals(1, lines.records());
        assertNotNull(lines.error());
    }

    @Test
    void interleavedRecordsPutTheStreamOutOfStep() {
        byte[] frame = octetCounted(RECORD);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(frame, 0, 20);
        stream.writeBytes(frame);
        stream.write(frame, 20, frame.length - 20);
        StreamFrames frames = feed(Wire.TCP_OCTET_COUNTING, stream.toByteArray(), 16);

        assertNotNull(frames.error());
        assertTrue(frames.error().contains("octet count"), frames.error());
    }

    @Test
    void aLengthPrefixLargerThanAnyRecordIsAnError() {
        byte[] stream = ByteBuffer.allocate(8).putInt(StreamFrames.MAX_RECORD + 1).putInt(0).array();
        StreamFrames frames = feed(Wire.TCP_LENGTH_PREFIXED, stream, stream.length);

        assertNotNull(frames.error());
        assertTrue(frames.error().contains("out of step"), frames.error());
    }

    private static StreamFrames feed(Wire wire, byte[] stream, int chunk) {
        StreamFrames frames = new StreamFrames(wire);
        for (int from = 0; from < stream.length; from += chunk) {
            frames.accept(stream, from, Math.min(stream.length, from + chunk));
        }
        return frames;
    }

    static byte[] lengthPrefixed(byte[] record) {
        return ByteBuffer.allocate(4 + record.length).putInt(record.length).put(record).array();
    }

    static byte[] octetCounted(byte[] record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((record.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(record);
        return out.toByteArray();
    }

    static byte[] line(byte[] record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(record);
        out.write('\n');
        return out.toByteArray();
    }

    static byte[] repeat(byte[] frame, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < times; i++) {
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }
}
