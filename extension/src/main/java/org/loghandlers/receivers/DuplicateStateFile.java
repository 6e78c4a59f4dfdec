package org.loghandlers.receivers;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.loghandlers.receivers.DuplicateWindow.SenderState;

/**
 * The file in which Kafka receivers keep their {@link DuplicateWindow} across a crash: per sender the highest
 * sequence number written and the runs of numbers written within the window, as UTF-8 text. It is replaced whole
 * (a temporary file renamed over it), so a reader finds the old or the new content, never a mix. The receivers of one
 * group in one JVM that name the same file share it: each saves its own window, the file holds their union, and each
 * reads the union back at start, so a partition that goes to another member after the restart is covered too. The
 * receivers save only what their handlers have flushed, so a number in the file was written.
 */
final class DuplicateStateFile {

    /** Runs kept per sender: a sender whose records arrive far out of order keeps only its highest runs. */
    static final int MAX_RUNS = 1024;

    private static final String HEADER = "# loghandlers KafkaReceiver duplicate window, version 1";
    private static final Map<Path, DuplicateStateFile> OPEN = new HashMap<>();

    private final Path path;
    private final String group;
    private final int maxSenders;
    private final Map<Object, Map<String, SenderState>> saved = new LinkedHashMap<>();
    private int users;

    private DuplicateStateFile(Path path, String group, int maxSenders) {
        this.path = path;
        this.group = group;
        this.maxSenders = maxSenders;
    }

    /**
     * The state file at {@code path} for a receiver of {@code group}, shared with the receivers of this JVM that
     * opened it already; {@link #release} it when done.
     *
     * @throws IOException when a receiver of another group uses the file in this JVM
     */
    static DuplicateStateFile open(Path path, String group, int maxSenders) throws IOException {
        Path key = path.toAbsolutePath().normalize();
        synchronized (OPEN) {
            DuplicateStateFile file = OPEN.computeIfAbsent(key, p -> new DuplicateStateFile(p, group, maxSenders));
            if (!file.group.equals(group)) {
                throw new IOException("state file " + key + " is used by a receiver of group " + file.group
                        + " in this JVM; each group needs a file of its own");
            }
            file.users++;
            return file;
        }
    }

    Path path() {
        return path;
    }

    /**
     * What the file holds; empty when there is no file yet.
     *
     * @throws IOException when it cannot be read or is not a state file of this group
     */
    synchronized Map<String, SenderState> load() throws IOException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        return decode(group, text);
    }

    /** Saves {@code owner}'s window and replaces the file with the union of every owner's. */
    synchronized void save(Object owner, Map<String, SenderState> window) throws IOException {
        saved.put(owner, window);
        Map<String, SenderState> union = new LinkedHashMap<>();
        for (Map<String, SenderState> each : saved.values()) {
            each.forEach((sender, state) -> union.merge(sender, state, DuplicateStateFile::merge));
        }
        Iterator<String> eldest = union.keySet().iterator();
        for (int extra = union.size() - maxSenders; extra > 0; extra--) {
            eldest.next();
            eldest.remove();
        }
        Path parent = path.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        Files.writeString(temporary, encode(group, union), StandardCharsets.UTF_8);
        Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Done with the file; the last receiver to release it closes the JVM's share of it. */
    void release(Object owner) {
        synchronized (OPEN) {
            synchronized (this) {
                saved.remove(owner);
            }
            if (--users == 0) {
                OPEN.remove(path);
            }
        }
    }

    // ---- the text

    static String encode(String group, Map<String, SenderState> window) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("group ").append(escape(group)).append('\n');
        for (Map.Entry<String, SenderState> entry : window.entrySet()) {
            text.append("sender ").append(escape(entry.getKey())).append(' ').append(entry.getValue().highest());
            for (long[] run : entry.getValue().runs()) {
                text.append(' ').append(run[0]).append("..").append(run[1]);
            }
            text.append('\n');
        }
        return text.append("end ").append(window.size()).append('\n').toString();
    }

    /**
     * The window {@code text} holds.
     *
     * @throws IOException naming the first line that is wrong, when it is not a state file of {@code group}
     */
    static Map<String, SenderState> decode(String group, String text) throws IOException {
        String[] lines = text.split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw new IOException("not a duplicate window state file (its first line is not '" + HEADER + "')");
        }
        if (lines.length < 4) {
            throw new IOException("it is cut short (" + lines.length + " lines)");
        }
        if (!lines[1].equals("group " + escape(group))) {
            throw new IOException("it holds the window of another consumer group (" + lines[1] + "), not of group "
                    + group);
        }
        Map<String, SenderState> window = new LinkedHashMap<>();
        int line = 2;
        try {
            for (; line < lines.length && lines[line].startsWith("sender "); line++) {
                String[] fields = lines[line].split(" ");
                if (fields.length < 3) {
                    throw new IllegalArgumentException("too few fields");
                }
                List<long[]> runs = new ArrayList<>();
                for (int f = 3; f < fields.length; f++) {
                    String[] ends = fields[f].split("\\.\\.", -1);
                    if (ends.length != 2) {
                        throw new IllegalArgumentException("'" + fields[f] + "' is not a run from..to");
                    }
                    runs.add(new long[] {Long.parseLong(ends[0]), Long.parseLong(ends[1])});
                }
                window.put(URLDecoder.decode(fields[1], StandardCharsets.UTF_8),
                        new SenderState(Long.parseLong(fields[2]), List.copyOf(runs)));
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("line " + (line + 1) + " is not a sender's window: " + e.getMessage(), e);
        }
        if (line != lines.length - 2 || !lines[line].equals("end " + window.size()) || !lines[line + 1].isEmpty()) {
            throw new IOException("it is cut short or has more after its end (line " + (line + 1) + ")");
        }
        return window;
    }

    private static String escape(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static SenderState merge(SenderState one, SenderState other) {
        List<long[]> all = new ArrayList<>(one.runs());
        all.addAll(other.runs());
        all.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> runs = new ArrayList<>();
        for (long[] run : all) {
            long[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && run[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], run[1]);
            } else {
                runs.add(run.clone());
            }
        }
        if (runs.size() > MAX_RUNS) {
            runs = new ArrayList<>(runs.subList(runs.size() - MAX_RUNS, runs.size()));
        }
        return new SenderState(Math.max(one.highest(), other.highest()), List.copyOf(runs));
    }
}
