package org.loghandlers.handlers.wire;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's pickle protocol 1 of a value, byte for byte as CPython 3.13's {@code pickle.dumps(value, 1)} writes it,
 * for the values a record's dictionary holds: {@code null} (None), {@code Boolean}, integers ({@code Byte} to
 * {@code Long}, {@code BigInteger}), {@code Float} and {@code Double}, {@code CharSequence} (str), {@code Map}
 * (dict), {@code List} (list) and {@code Object[]} (tuple). Its {@link #frame} is what {@code SocketHandler} and
 * {@code DatagramHandler} send: a 4-byte big-endian length, then the pickle.
 *
 * <p>The memo is CPython's: every str, dict, list and non-empty tuple is stored once and referenced again when the
 * same object comes back. CPython keeps one object for the empty string and for each single character below
 * U+0100, so those are matched by value and all others by identity; {@code pickle.loads} of our bytes followed by
 * {@code pickle.dumps(d, 1)} gives our bytes back. Strings are written as CPython's {@code surrogatepass} UTF-8, so
 * a lone surrogate survives.
 *
 * <p>An instance is reusable, by one thread at a time: a sender writes frame after frame into the same buffer
 * ({@link #startFrame}, the dictionary entry by entry with {@link #startDict} and the {@code ...Entry} methods,
 * {@link #finishFrame}), which is what the static {@link #dumps} and {@link #frame} do with a fresh one.
 */
public final class PickleWriter {

    private static final int BATCH_SIZE = 1000;
    private static final int PREFIX_BYTES = 4;
    private static final int MAX_KEPT_BYTES = 64 * 1024;
    /** Stands in the memo for a dict written entry by entry, which no later value can be. */
    private static final Object STREAMED_DICT = new Object();

    private byte[] out = new byte[1024];
    private int size;
    private final Memo memo = new Memo();
    private int dictItems;
    private int dictEntries;

    /** A writer for one frame after another, by one thread at a time. */
    public PickleWriter() {
    }

    /** {@code pickle.dumps(value, 1)}. */
    public static byte[] dumps(Object value) {
        PickleWriter writer = new PickleWriter();
        writer.save(value);
        writer.put('.');
        return Arrays.copyOf(writer.out, writer.size);
    }

    /** {@code struct.pack(">L", len(p)) + p} with {@code p = pickle.dumps(value, 1)}: Python's socket frame. */
    public static byte[] frame(Object value) {
        PickleWriter writer = new PickleWriter();
        writer.startFrame();
        writer.save(value);
        return Arrays.copyOf(writer.out, writer.finishFrame());
    }

    // ---- one frame after another

    /** Starts a frame, forgetting the last one: the next value written is its pickle. */
    public void startFrame() {
        if (out.length > MAX_KEPT_BYTES) {
            out = new byte[1024];
        }
        memo.clear();
        dictItems = 0;
        size = PREFIX_BYTES;
    }

    /**
     * Ends the pickle and puts its length in front; the frame is the first {@code n} bytes of {@link #buffer()},
     * {@code n} the value returned, until the next {@link #startFrame}.
     */
    public int finishFrame() {
        put('.');
        int payload = size - PREFIX_BYTES;
        out[0] = (byte) (payload >>> 24);
        out[1] = (byte) (payload >>> 16);
        out[2] = (byte) (payload >>> 8);
        out[3] = (byte) payload;
        memo.clear();
        return size;
    }

    /** The frame's bytes, valid until the next frame starts; a later frame may return another array. */
    public byte[] buffer() {
        return out;
    }

    /**
     * Starts a dict of exactly {@code items} entries, written one by one with the {@code ...Entry} methods and
     * ended with {@link #endDict}: the bytes {@link #save} of a {@code Map} with these entries in this order
     * writes. Its values are not dicts written this way.
     */
    public void startDict(int items) {
        put('}');
        memoize(STREAMED_DICT);
        dictItems = items;
        dictEntries = 0;
        if (items > 1) {
            put('(');
        }
    }

    /** An entry whose value is a str, or None for null. */
    public void textEntry(String key, CharSequence value) {
        saveString(key);
        if (value == null) {
            put('N');
        } else {
            saveString(value);
        }
        entryWritten();
    }

    /** An entry whose value is an int. */
    public void integerEntry(String key, long value) {
        saveString(key);
        saveLong(value);
        entryWritten();
    }

    /** An entry whose value is a float. */
    public void floatEntry(String key, double value) {
        saveString(key);
        saveDouble(value);
        entryWritten();
    }

    /** An entry whose value is any value this writer accepts. */
    public void entry(String key, Object value) {
        saveString(key);
        save(value);
        entryWritten();
    }

    /** Ends the dict {@link #startDict} started. */
    public void endDict() {
        if (dictEntries != dictItems) {
            throw new IllegalStateException("the dict was started with " + dictItems + " entries but has "
                    + dictEntries);
        }
        if (dictItems == 1) {
            put('s');
        } else if (dictItems > 1) {
            put('u');
        }
    }

    private void entryWritten() {
        dictEntries++;
        if (dictItems > 1 && dictEntries % BATCH_SIZE == 0) {
            put('u');
            put('(');
        }
    }

    // ---- values

    private void save(Object value) {
        if (value == null) {
            put('N');
        } else if (value instanceof Boolean) {
            putAscii((Boolean) value ? "I01\n" : "I00\n");
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            saveLong(((Number) value).longValue());
        } else if (value instanceof BigInteger) {
            BigInteger big = (BigInteger) value;
            if (big.bitLength() < Long.SIZE) {
                saveLong(big.longValue());
            } else {
                putAscii("L" + big + "L\n");
            }
        } else if (value instanceof Double || value instanceof Float) {
            saveDouble(((Number) value).doubleValue());
        } else if (value instanceof CharSequence) {
            saveString((CharSequence) value);
        } else if (value instanceof Map) {
            saveDict((Map<?, ?>) value);
        } else if (value instanceof List) {
            saveList((List<?>) value);
        } else if (value instanceof Object[]) {
            saveTuple((Object[]) value);
        } else {
            throw new IllegalArgumentException("cannot pickle a " + value.getClass().getName()
                    + "; accepted: null, Boolean, an integer, Float, Double, a CharSequence, Map, List or Object[]");
        }
    }

    private void saveLong(long value) {
        if (value >= 0 && value <= 0xff) {
            put('K');
            put((int) value);
        } else if (value >= 0 && value <= 0xffff) {
            put('M');
            put((int) value);
            put((int) (value >>> 8));
        } else if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            put('J');
            putIntLittleEndian((int) value);
        } else {
            putAscii("L" + value + "L\n");
        }
    }

    private void saveDouble(double value) {
        ensure(9);
        out[size++] = 'G';
        long bits = Double.doubleToRawLongBits(value);
        for (int shift = 56; shift >= 0; shift -= 8) {
            out[size++] = (byte) (bits >>> shift);
        }
    }

    private void saveString(CharSequence value) {
        boolean shared = isCPythonSingleton(value);
        int known = shared ? memo.indexOfText(value.toString()) : memo.indexOf(value);
        if (known >= 0) {
            get(known);
            return;
        }
        put('X');
        int lengthAt = size;
        putIntLittleEndian(0);
        putSurrogatePassUtf8(value);
        int length = size - lengthAt - 4;
        out[lengthAt] = (byte) length;
        out[lengthAt + 1] = (byte) (length >>> 8);
        out[lengthAt + 2] = (byte) (length >>> 16);
        out[lengthAt + 3] = (byte) (length >>> 24);
        putMemoIndex(shared ? memo.addText(value.toString()) : memo.add(value));
    }

    /** CPython keeps one object for {@code ''} and each single character below U+0100, whatever made it. */
    private static boolean isCPythonSingleton(CharSequence text) {
        return text.length() == 0 || (text.length() == 1 && text.charAt(0) < 0x100);
    }

    private void saveDict(Map<?, ?> dict) {
        if (getIfMemoized(dict)) {
            return;
        }
        put('}');
        memoize(dict);
        int items = dict.size();
        if (items == 0) {
            return;
        }
        if (items == 1) {
            Map.Entry<?, ?> only = dict.entrySet().iterator().next();
            save(only.getKey());
            save(only.getValue());
            put('s');
            return;
        }
        // CPython's batch_dict_exact: full batches, and a last one after a full batch even when it is empty.
        var entries = dict.entrySet().iterator();
        int inBatch;
        do {
            put('(');
            inBatch = 0;
            while (inBatch < BATCH_SIZE && entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                save(entry.getKey());
                save(entry.getValue());
                inBatch++;
            }
            put('u');
        } while (inBatch == BATCH_SIZE);
    }

    private void saveList(List<?> list) {
        if (getIfMemoized(list)) {
            return;
        }
        put(']');
        memoize(list);
        int items = list.size();
        if (items == 0) {
            return;
        }
        if (items == 1) {
            save(list.get(0));
            put('a');
            return;
        }
        var elements = list.iterator();
        while (elements.hasNext()) {
            put('(');
            for (int inBatch = 0; inBatch < BATCH_SIZE && elements.hasNext(); inBatch++) {
                save(elements.next());
            }
            put('e');
        }
    }

    private void saveTuple(Object[] tuple) {
        if (tuple.length == 0) {
            put(')');
            return;
        }
        if (getIfMemoized(tuple)) {
            return;
        }
        put('(');
        for (Object element : tuple) {
            save(element);
        }
        put('t');
        memoize(tuple);
    }

    private boolean getIfMemoized(Object value) {
        int index = memo.indexOf(value);
        if (index < 0) {
            return false;
        }
        get(index);
        return true;
    }

    private void memoize(Object value) {
        putMemoIndex(memo.add(value));
    }

    private void putMemoIndex(int index) {
        if (index < 256) {
            put('q');
            put(index);
        } else {
            put('r');
            putIntLittleEndian(index);
        }
    }

    private void get(int index) {
        if (index < 256) {
            put('h');
            put(index);
        } else {
            put('j');
            putIntLittleEndian(index);
        }
    }

    // ---- bytes

    private void putSurrogatePassUtf8(CharSequence text) {
        int length = text.length();
        ensure(3 * length);
        byte[] bytes = out;
        int at = size;
        for (int i = 0; i < length; i++) {
            int c = text.charAt(i);
            if (c < 0x80) {
                bytes[at++] = (byte) c;
                continue;
            }
            if (Character.isHighSurrogate((char) c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                c = Character.toCodePoint((char) c, text.charAt(++i));
            }
            if (c < 0x800) {
                bytes[at++] = (byte) (0xc0 | c >>> 6);
                bytes[at++] = (byte) (0x80 | c & 0x3f);
            } else if (c < 0x10000) {
                bytes[at++] = (byte) (0xe0 | c >>> 12);
                bytes[at++] = (byte) (0x80 | c >>> 6 & 0x3f);
                bytes[at++] = (byte) (0x80 | c & 0x3f);
            } else {
                bytes[at++] = (byte) (0xf0 | c >>> 18);
                bytes[at++] = (byte) (0x80 | c >>> 12 & 0x3f);
                bytes[at++] = (byte) (0x80 | c >>> 6 & 0x3f);
                bytes[at++] = (byte) (0x80 | c & 0x3f);
            }
        }
        size = at;
    }

    private void putIntLittleEndian(int value) {
        ensure(4);
        out[size++] = (byte) value;
        out[size++] = (byte) (value >>> 8);
        out[size++] = (byte) (value >>> 16);
        out[size++] = (byte) (value >>> 24);
    }

    private void putAscii(String text) {
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            put(b);
        }
    }

    private void put(int b) {
        if (size == out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        out[size++] = (byte) b;
    }

    private void ensure(int more) {
        if (out.length - size < more) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }

    /**
     * CPython's memo: each object's index in the order it was stored. A record's few dozen objects are found by
     * scanning; past {@link #SCANNED} entries, by hash tables.
     */
    private static final class Memo {

        private static final int SCANNED = 64;

        private final Object[] objects = new Object[SCANNED];
        private final boolean[] byText = new boolean[SCANNED];
        private int size;
        private Map<Object, Integer> identities;
        private Map<String, Integer> texts;

        /** The index of {@code value} stored by identity, or -1. */
        int indexOf(Object value) {
            if (identities != null) {
                Integer index = identities.get(value);
                return index == null ? -1 : index;
            }
            for (int i = 0; i < size; i++) {
                if (objects[i] == value && !byText[i]) {
                    return i;
                }
            }
            return -1;
        }

        /** The index of a string stored by value, or -1. */
        int indexOfText(String text) {
            if (texts != null) {
                Integer index = texts.get(text);
                return index == null ? -1 : index;
            }
            for (int i = 0; i < size; i++) {
                if (byText[i] && objects[i].equals(text)) {
                    return i;
                }
            }
            return -1;
        }

        /** Stores {@code value} by identity; its index. */
        int add(Object value) {
            return store(value, false);
        }

        /** Stores a string by value; its index. */
        int addText(String text) {
            return store(text, true);
        }

        private int store(Object value, boolean asText) {
            int index = size++;
            if (index < SCANNED) {
                objects[index] = value;
                byText[index] = asText;
                return index;
            }
            if (identities == null) {
                identities = new IdentityHashMap<>();
                texts = new HashMap<>();
                for (int i = 0; i < SCANNED; i++) {
                    if (byText[i]) {
                        texts.put((String) objects[i], i);
                    } else {
                        identities.put(objects[i], i);
                    }
                }
            }
            if (asText) {
                texts.put((String) value, index);
            } else {
                identities.put(value, index);
            }
            return index;
        }

        /** Forgets every entry, so that nothing written stays reachable from the writer. */
        void clear() {
            Arrays.fill(objects, 0, Math.min(size, SCANNED), null);
            size = 0;
            identities = null;
            texts = null;
        }
    }
}
