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
 * a lone surrogate survives. Not thread-safe; each call of {@link #dumps} or {@link #frame} uses its own writer.
 */
public final class PickleWriter {

    private static final int BATCH_SIZE = 1000;
    private static final int PREFIX_BYTES = 4;

    private byte[] out = new byte[1024];
    private int size;
    private final Map<Object, Integer> memo = new IdentityHashMap<>();
    private final Map<String, Integer> sharedStrings = new HashMap<>();

    private PickleWriter(int reserved) {
        size = reserved;
    }

    /** {@code pickle.dumps(value, 1)}. */
    public static byte[] dumps(Object value) {
        PickleWriter writer = new PickleWriter(0);
        writer.save(value);
        writer.put('.');
        return Arrays.copyOf(writer.out, writer.size);
    }

    /** {@code struct.pack(">L", len(p)) + p} with {@code p = pickle.dumps(value, 1)}: Python's socket frame. */
    public static byte[] frame(Object value) {
        PickleWriter writer = new PickleWriter(PREFIX_BYTES);
        writer.save(value);
        writer.put('.');
        int payload = writer.size - PREFIX_BYTES;
        byte[] frame = writer.out;
        frame[0] = (byte) (payload >>> 24);
        frame[1] = (byte) (payload >>> 16);
        frame[2] = (byte) (payload >>> 8);
        frame[3] = (byte) payload;
        return Arrays.copyOf(frame, writer.size);
    }

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
            put('G');
            long bits = Double.doubleToRawLongBits(((Number) value).doubleValue());
            for (int shift = 56; shift >= 0; shift -= 8) {
                put((int) (bits >>> shift));
            }
        } else if (value instanceof CharSequence) {
            saveString(value);
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

    private void saveString(Object value) {
        String text = value.toString();
        boolean shared = isCPythonSingleton(text);
        Integer known = shared ? sharedStrings.get(text) : memo.get(value);
        if (known != null) {
            get(known);
            return;
        }
        put('X');
        int lengthAt = size;
        putIntLittleEndian(0);
        putSurrogatePassUtf8(text);
        int length = size - lengthAt - 4;
        out[lengthAt] = (byte) length;
        out[lengthAt + 1] = (byte) (length >>> 8);
        out[lengthAt + 2] = (byte) (length >>> 16);
        out[lengthAt + 3] = (byte) (length >>> 24);
        int index = memoSize();
        if (shared) {
            sharedStrings.put(text, index);
        } else {
            memo.put(value, index);
        }
        putMemoIndex(index);
    }

    /** CPython keeps one object for {@code ''} and each single character below U+0100, whatever made it. */
    private static boolean isCPythonSingleton(String text) {
        return text.isEmpty() || (text.length() == 1 && text.charAt(0) < 0x100);
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
        Integer index = memo.get(value);
        if (index == null) {
            return false;
        }
        get(index);
        return true;
    }

    private int memoSize() {
        return memo.size() + sharedStrings.size();
    }

    private void memoize(Object value) {
        int index = memoSize();
        memo.put(value, index);
        putMemoIndex(index);
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

    private void putSurrogatePassUtf8(String text) {
        for (int i = 0; i < text.length(); i++) {
            int c = text.charAt(i);
            if (Character.isHighSurrogate((char) c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                c = Character.toCodePoint((char) c, text.charAt(++i));
            }
            if (c < 0x80) {
                put(c);
            } else if (c < 0x800) {
                put(0xc0 | c >>> 6);
                put(0x80 | c & 0x3f);
            } else if (c < 0x10000) {
                put(0xe0 | c >>> 12);
                put(0x80 | c >>> 6 & 0x3f);
                put(0x80 | c & 0x3f);
            } else {
                put(0xf0 | c >>> 18);
                put(0x80 | c >>> 12 & 0x3f);
                put(0x80 | c >>> 6 & 0x3f);
                put(0x80 | c & 0x3f);
            }
        }
    }

    private void putIntLittleEndian(int value) {
        put(value);
        put(value >>> 8);
        put(value >>> 16);
        put(value >>> 24);
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
}
