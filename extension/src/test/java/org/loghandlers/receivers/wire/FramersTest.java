package org.loghandlers.receivers.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.loghandlers.receivers.GoldenFrame;

/** The stream framers cut frames wherever the network splits the bytes, and refuse frames over the limit early. */
class FramersTest {

    private static List<byte[]> feedInPieces(StreamFramer framer, byte[] stream, int pieceSize)
            throws WireFormatException {
        List<byte[]> frames = new ArrayList<>();
        for (int from = 0; from < stream.length; from += pieceSize) {
            ByteBuffer piece = ByteBuffer.wrap(stream, from, Math.min(pieceSize, stream.length - from));
            framer.feed(piece, (bytes, offset, length) -> frames.add(Arrays.copyOfRange(bytes, offset,
                    offset + length)));
        }
        return frames;
    }

    @Test
    void lengthPrefixedFramesArriveWholeHoweverTheBytesAreSplit() throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < 3; i++) {
            stream.write(GoldenFrame.frame());
        }
        for (int pieceSize : new int[] {1, 2, 3, 5, 491, 1000, 4096}) {
            LengthPrefixedFrames framer = new LengthPrefixedFrames(1024);
            List<byte[]> frames = feedInPieces(framer, stream.toByteArray(), pieceSize);
            assertEquals(3, frames.size(), "pieces of " + pieceSize);
            for (byte[] frame : frames) {
                assertArrayEquals(GoldenFrame.pickle(), frame, "pieces of " + pieceSize);
            }
            assertFalse(framer.isMidFrame());
        }
    }

    @Test
    void aLengthOverTheLimitIsRefusedAsSoonAsItsFourBytesAreIn() {
        LengthPrefixedFrames framer = new LengthPrefixedFrames(486);
        WireFormatException refused = assertThrows(WireFormatException.class,
                () -> feedInPieces(framer, Arrays.copyOf(GoldenFrame.frame(), 4), 4));
        assertEquals("a frame of 487 bytes announced, over the limit of 486 (max-frame)", refused.getMessage());
        assertThrows(WireFormatException.class, () -> feedInPieces(new LengthPrefixedFrames(1 << 20),
                new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}, 4));
    }

    @Test
    void aStreamCutInsideAFrameIsMidFrame() throws Exception {
        LengthPrefixedFrames framer = new LengthPrefixedFrames(1024);
        feedInPieces(framer, Arrays.copyOf(GoldenFrame.frame(), 2), 2);
        assertTrue(framer.isMidFrame(), "inside the length");
        feedInPieces(framer, Arrays.copyOfRange(GoldenFrame.frame(), 2, 100), 98);
        assertTrue(framer.isMidFrame(), "inside the payload");
    }

    @Test
    void jsonLinesAreCutAtNewlinesDroppingCarriageReturnsAndBlankLines() throws Exception {
        byte[] stream = "{\"a\":1}\r\n\n{\"b\":\"\u00e9\"}\n{\"c\"".getBytes(StandardCharsets.UTF_8);
        for (int pieceSize : new int[] {1, 2, 7, 100}) {
            JsonLines framer = new JsonLines(64);
            List<byte[]> lines = feedInPieces(framer, stream, pieceSize);
            assertEquals(List.of("{\"a\":1}", "{\"b\":\"\u00e9\"}"), lines.stream()
                    .map(line -> new String(line, StandardCharsets.UTF_8)).toList(), "pieces of " + pieceSize);
            assertTrue(framer.isMidFrame(), "the last line has no newline yet");
        }
    }

    @Test
    void aJsonLineOverTheLimitIsRefusedOnceItPassesIt() {
        JsonLines framer = new JsonLines(10);
        assertThrows(WireFormatException.class, () -> feedInPieces(framer,
                "{\"message\":\"long\"}\n".getBytes(StandardCharsets.UTF_8), 3));
        List<byte[]> exact = new ArrayList<>();
        assertEquals(List.of(), exact);
    }
}
