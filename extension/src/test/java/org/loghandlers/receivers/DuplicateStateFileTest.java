package org.loghandlers.receivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.receivers.DuplicateWindow.SenderState;

/** The duplicate window's state file: its text read back as written, a damaged one refused, owners' windows united. */
class DuplicateStateFileTest {

    @TempDir
    Path dir;

    private static SenderState state(long highest, long... ends) {
        List<long[]> runs = new java.util.ArrayList<>();
        for (int i = 0; i < ends.length; i += 2) {
            runs.add(new long[] {ends[i], ends[i + 1]});
        }
        return new SenderState(highest, runs);
    }

    private static String describe(Map<String, SenderState> window) {
        StringBuilder text = new StringBuilder();
        window.forEach((sender, state) -> {
            text.append(sender).append('=').append(state.highest());
            state.runs().forEach(run -> text.append(' ').append(run[0]).append("..").append(run[1]));
            text.append(';');
        });
        return text.toString();
    }

    @Test
    void whatIsEncodedDecodesToTheSameWindowSenderIdsOfAnyTextIncluded() throws IOException {
        Map<String, SenderState> window = new LinkedHashMap<>();
        window.put("3f0c-uuid", state(500, 1, 500));
        window.put("a sender\nwith spaces", state(9, -2, 3, 7, 9));
        String text = DuplicateStateFile.encode("central", window);

        assertEquals(describe(window), describe(DuplicateStateFile.decode("central", text)));
    }

    @Test
    void aDamagedOrForeignFileIsRefusedSayingWhy() {
        String good = DuplicateStateFile.encode("central", Map.of("s", state(5, 1, 5)));
        Map<String, String> bad = Map.of(
                "garbage \u0000\u0001", "not a duplicate window state file",
                good.substring(0, good.length() - 8), "cut short",
                good.replace("1..5", "1..x"), "line 3 is not a sender's window",
                good + "sender t 1 1..1\n", "more after its end");
        bad.forEach((text, expected) -> {
            IOException refused = assertThrows(IOException.class, () -> DuplicateStateFile.decode("central", text));
            assertTrue(refused.getMessage().contains(expected), () -> expected + " in: " + refused.getMessage());
        });
        IOException foreign = assertThrows(IOException.class, () -> DuplicateStateFile.decode("archive", good));
        assertTrue(foreign.getMessage().contains("another consumer group"), foreign.getMessage());
    }

    @Test
    void receiversSharingTheFileSaveTheUnionOfTheirWindowsAndAnotherGroupIsRefused() throws IOException {
        Path path = dir.resolve("sub").resolve("central.state");
        Object one = new Object();
        Object two = new Object();
        DuplicateStateFile first = DuplicateStateFile.open(path, "central", 10);
        DuplicateStateFile second = DuplicateStateFile.open(path, "central", 10);
        try {
            assertEquals(Map.of(), first.load(), "no file yet: an empty window");
            first.save(one, Map.of("a", state(5, 1, 5)));
            second.save(two, Map.of("a", state(9, 7, 9), "b", state(2, 1, 2)));

            assertEquals("a=9 1..5 7..9;b=2 1..2;", describe(second.load()));
            assertTrue(Files.readString(path, StandardCharsets.UTF_8).startsWith("# loghandlers"));
            assertTrue(!Files.exists(dir.resolve("sub").resolve("central.state.tmp")), "the temporary file is gone");
            IOException other = assertThrows(IOException.class, () -> DuplicateStateFile.open(path, "archive", 10));
            assertTrue(other.getMessage().contains("group central"), other.getMessage());
        } finally {
            first.release(one);
            second.release(two);
        }
        DuplicateStateFile.open(path, "archive", 10).release(this);
    }
}
