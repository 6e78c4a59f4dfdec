package org.loghandlers.receivers.wire;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a pickle of plain data, protocols 0 to 5, as Python's {@code pickle.loads} would, but only the opcodes that
 * make None, bool, int, float, str, bytes, tuple, list and dict, with the memo and framing opcodes around them: what
 * {@code logging.handlers.SocketHandler} sends. Every opcode that names a global, calls or builds an object, or
 * looks up a persistent id or an extension (GLOBAL, STACK_GLOBAL, REDUCE, BUILD, INST, OBJ, NEWOBJ, NEWOBJ_EX,
 * PERSID, BINPERSID, EXT1/2/4, out-of-band buffers) refuses the whole pickle with a {@link RefusedPickleException}
 * before anything is looked up; so do sets, which a log record never holds. Nothing is ever loaded or run.
 *
 * <p>Values: None is {@code null}; bool {@link Boolean}; int {@link Long}, or {@link BigInteger} when it does not
 * fit; float {@link Double}; str {@link String}; bytes and bytearray {@code byte[]}; tuple an unmodifiable
 * {@link List}; list an {@link ArrayList}; dict a {@link LinkedHashMap} in the pickle's order. A Python 2 {@code str}
 * (STRING, BINSTRING) is decoded as UTF-8. Memory is bounded by the input: every opcode adds at most one value. A
 * pickle may build a list that contains itself, so a caller walking values must bound its depth.
 */
public final class RestrictedUnpickler {

    /** As Python's own limit on converting decimal text to int ({@code sys.get_int_max_str_digits}). */
    static final int MAX_INT_DIGITS = 4300;
    static final int MAX_INT_BYTES = 1800;
    private static final int HIGHEST_PROTOCOL = 5;

    private final byte[] data;
    private final int end;
    private int position;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private RestrictedUnpickler(byte[] data, int offset, int length) {
        this.data = data;
        this.position = offset;
        this.end = offset + length;
    }

    /** The value pickled in {@code pickle}. */
    public static Object loads(byte[] pickle) throws WireFormatException {
        return loads(pickle, 0, pickle.length);
    }

    /** The value pickled in {@code length} bytes of {@code data} from {@code offset}; bytes after STOP are ignored. */
    public static Object loads(byte[] data, int offset, int length) throws WireFormatException {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + " of " + data.length);
        }
        return new RestrictedUnpickler(data, offset, length).run();
    }

    private Object run() throws WireFormatException {
        while (true) {
            int at = position;
            int opcode = readByte();
            switch (opcode) {
                case 0x80 -> {
                    int protocol = readByte();
                    if (protocol > HIGHEST_PROTOCOL) {
                        throw malformed(at, "unsupported pickle protocol " + protocol);
                    }
                }
                case 0x95 -> {
                    long frame = readLittleEndian(8);
                    if (frame < 0 || frame > end - position) {
                        throw malformed(at, "FRAME of " + frame + " bytes runs past the end");
                    }
                }
                case '.' -> {
                    return pop(at);
                }
                case '(' -> marks.add(stack.size());
                case '0' -> {
                    if (stack.size() > currentMark()) {
                        stack.remove(stack.size() - 1);
                    } else {
                        popMark(at);
                    }
                }
                case '1' -> popMark(at);
                case '2' -> push(peek(at));
                case 'N' -> push(null);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'I' -> push(textInt(at, readLine(at)));
                case 'J' -> push((long) (int) readLittleEndian(4));
                case 'K' -> push((long) readByte());
                case 'M' -> push(readLittleEndian(2));
                case 'L' -> push(textLong(at, readLine(at)));
                case 0x8a -> push(binaryLong(at, readByte()));
                case 0x8b -> push(binaryLong(at, (int) readLittleEndian(4)));
                case 'F' -> push(textFloat(at, readLine(at)));
                case 'G' -> push(Double.longBitsToDouble(readBigEndianLong()));
                case 'S' -> push(PythonLiterals.quotedString(readLine(at), at));
                case 'T' -> push(utf8(readBytes(at, (int) readLittleEndian(4))));
                case 'U' -> push(utf8(readBytes(at, readByte())));
                case 'V' -> push(PythonLiterals.rawUnicodeEscape(readLine(at), at));
                case 'X' -> push(utf8(readBytes(at, readLittleEndian(4))));
                case 0x8c -> push(utf8(readBytes(at, readByte())));
                case 0x8d -> push(utf8(readBytes(at, readLittleEndian(8))));
                case 'B' -> push(readBytes(at, readLittleEndian(4)));
                case 'C' -> push(readBytes(at, readByte()));
                case 0x8e, 0x96 -> push(readBytes(at, readLittleEndian(8)));
                case ')' -> push(List.of());
                case 't' -> push(tuple(popMark(at)));
                case 0x85 -> push(tuple(popItems(at, 1)));
                case 0x86 -> push(tuple(popItems(at, 2)));
                case 0x87 -> push(tuple(popItems(at, 3)));
                case ']' -> push(new ArrayList<>());
                case 'l' -> push(new ArrayList<>(popMark(at)));
                case 'a' -> {
                    Object item = pop(at);
                    list(at, peek(at)).add(item);
                }
                case 'e' -> {
                    List<Object> items = popMark(at);
                    list(at, peek(at)).addAll(items);
                }
                case '}' -> push(new LinkedHashMap<>());
                case 'd' -> {
                    Map<Object, Object> dict = new LinkedHashMap<>();
                    putAll(at, dict, popMark(at));
                    push(dict);
                }
                case 's' -> {
                    Object value = pop(at);
                    Object key = pop(at);
                    putAll(at, dict(at, peek(at)), java.util.Arrays.asList(key, value));
                }
                case 'u' -> {
                    List<Object> items = popMark(at);
                    putAll(at, dict(at, peek(at)), items);
                }
                case 'p' -> memo.put(memoIndex(at, readLine(at)), peek(at));
                case 'q' -> memo.put((long) readByte(), peek(at));
                case 'r' -> memo.put(readLittleEndian(4), peek(at));
                case 0x94 -> memo.put((long) memo.size(), peek(at));
                case 'g' -> push(memoGet(at, memoIndex(at, readLine(at))));
                case 'h' -> push(memoGet(at, readByte()));
                case 'j' -> push(memoGet(at, readLittleEndian(4)));
                default -> throw refusedOrUnknown(at, opcode);
            }
        }
    }

    // ---- refusals

    private WireFormatException refusedOrUnknown(int at, int opcode) {
        String name = switch (opcode) {
            case 'c' -> "GLOBAL";
            case 0x93 -> "STACK_GLOBAL";
            case 'R' -> "REDUCE";
            case 'b' -> "BUILD";
            case 'i' -> "INST";
            case 'o' -> "OBJ";
            case 0x81 -> "NEWOBJ";
            case 0x92 -> "NEWOBJ_EX";
            case 'P' -> "PERSID";
            case 'Q' -> "BINPERSID";
            case 0x82 -> "EXT1";
            case 0x83 -> "EXT2";
            case 0x84 -> "EXT4";
            case 0x97 -> "NEXT_BUFFER";
            case 0x98 -> "READONLY_BUFFER";
            case 0x8f -> "EMPTY_SET";
            case 0x90 -> "ADDITEMS";
            case 0x91 -> "FROZENSET";
            default -> null;
        };
        if (name == null) {
            return malformed(at, String.format("unknown opcode 0x%02x", opcode));
        }
        String what = switch (name) {
            case "GLOBAL", "INST" -> " naming " + namedGlobal(at + 1);
            case "STACK_GLOBAL" -> " naming " + stackGlobal();
            default -> "";
        };
        String reason = name.contains("SET") ? "sets are not log record data"
                : "a pickle that names, builds or calls an object is never accepted";
        return new RefusedPickleException(name, "refused pickle opcode " + name + what + " at offset " + at + ": "
                + reason);
    }

    /** GLOBAL's and INST's module and name lines, shown short and printable; never looked up. */
    private String namedGlobal(int from) {
        int first = lineEnd(from);
        int second = first < 0 ? -1 : lineEnd(first + 1);
        if (second < 0) {
            return "(truncated)";
        }
        return PythonLiterals.printable(new String(data, from, first - from, StandardCharsets.ISO_8859_1) + "."
                + new String(data, first + 1, second - first - 1, StandardCharsets.ISO_8859_1));
    }

    private String stackGlobal() {
        int size = stack.size();
        if (size >= 2 && stack.get(size - 2) instanceof String module && stack.get(size - 1) instanceof String name) {
            return PythonLiterals.printable(module + "." + name);
        }
        return "(not two strings)";
    }

    private int lineEnd(int from) {
        for (int i = from; i < end; i++) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    static WireFormatException malformed(int at, String what) {
        return new WireFormatException("malformed pickle at offset " + at + ": " + what);
    }

    // ---- the stack

    private void push(Object value) {
        stack.add(value);
    }

    private Object pop(int at) throws WireFormatException {
        if (stack.size() <= currentMark()) {
            throw malformed(at, "the stack is empty");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek(int at) throws WireFormatException {
        if (stack.size() <= currentMark()) {
            throw malformed(at, "the stack is empty");
        }
        return stack.get(stack.size() - 1);
    }

    private int currentMark() {
        return marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
    }

    /** Removes and returns everything above the last MARK, and the MARK. */
    private List<Object> popMark(int at) throws WireFormatException {
        if (marks.isEmpty()) {
            throw malformed(at, "no MARK to pop to");
        }
        int mark = marks.remove(marks.size() - 1);
        List<Object> top = stack.subList(mark, stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        return items;
    }

    private List<Object> popItems(int at, int count) throws WireFormatException {
        if (stack.size() - currentMark() < count) {
            throw malformed(at, "the stack holds fewer than " + count + " items");
        }
        List<Object> top = stack.subList(stack.size() - count, stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        return items;
    }

    private static List<Object> tuple(List<Object> items) {
        return Collections.unmodifiableList(items);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(int at, Object target) throws WireFormatException {
        if (target instanceof ArrayList<?>) {
            return (List<Object>) target;
        }
        throw malformed(at, "appending to " + PythonLiterals.typeName(target) + ", not a list");
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dict(int at, Object target) throws WireFormatException {
        if (target instanceof LinkedHashMap<?, ?>) {
            return (Map<Object, Object>) target;
        }
        throw malformed(at, "setting an item of " + PythonLiterals.typeName(target) + ", not a dict");
    }

    private static void putAll(int at, Map<Object, Object> dict, List<Object> pairs) throws WireFormatException {
        if (pairs.size() % 2 != 0) {
            throw malformed(at, "a dict needs key and value pairs, got " + pairs.size() + " items");
        }
        for (int i = 0; i < pairs.size(); i += 2) {
            Object key = pairs.get(i);
            if (!hashable(key, 0)) {
                throw malformed(at, "unhashable dict key of type " + PythonLiterals.typeName(key));
            }
            dict.put(key, pairs.get(i + 1));
        }
    }

    /** As Python's dict requires: no list, dict or bytearray as a key, nor inside a tuple key. */
    private static boolean hashable(Object key, int depth) {
        if (key instanceof ArrayList<?> || key instanceof Map<?, ?> || depth > 100) {
            return false;
        }
        if (key instanceof List<?> tuple) {
            for (Object item : tuple) {
                if (!hashable(item, depth + 1)) {
                    return false;
                }
            }
        }
        return true;
    }

    private Object memoGet(int at, long index) throws WireFormatException {
        if (!memo.containsKey(index)) {
            throw malformed(at, "memo entry " + index + " was never stored");
        }
        return memo.get(index);
    }

    private static long memoIndex(int at, String line) throws WireFormatException {
        try {
            long index = Long.parseLong(line);
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw malformed(at, "memo index '" + PythonLiterals.printable(line) + "' is not a number");
    }

    // ---- numbers

    private static Object textInt(int at, String line) throws WireFormatException {
        if (line.equals("01")) {
            return Boolean.TRUE;
        }
        if (line.equals("00")) {
            return Boolean.FALSE;
        }
        return decimal(at, line);
    }

    private static Object textLong(int at, String line) throws WireFormatException {
        return decimal(at, line.endsWith("L") ? line.substring(0, line.length() - 1) : line);
    }

    private static Object decimal(int at, String digits) throws WireFormatException {
        if (digits.length() > MAX_INT_DIGITS) {
            throw malformed(at, "an integer of " + digits.length() + " digits (the limit is " + MAX_INT_DIGITS + ")");
        }
        try {
            return narrowed(new BigInteger(digits.strip()));
        } catch (NumberFormatException e) {
            throw malformed(at, "'" + PythonLiterals.printable(digits) + "' is not an integer");
        }
    }

    private Object binaryLong(int at, int length) throws WireFormatException {
        if (length < 0 || length > MAX_INT_BYTES) {
            throw malformed(at, "an integer of " + length + " bytes (the limit is " + MAX_INT_BYTES + ")");
        }
        byte[] littleEndian = readBytes(at, length);
        if (length == 0) {
            return 0L;
        }
        byte[] bigEndian = new byte[length];
        for (int i = 0; i < length; i++) {
            bigEndian[i] = littleEndian[length - 1 - i];
        }
        return narrowed(new BigInteger(bigEndian));
    }

    private static Object narrowed(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private static Double textFloat(int at, String line) throws WireFormatException {
        String text = line.strip();
        switch (text) {
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                break;
        }
        try {
            if (text.isEmpty() || text.endsWith("d") || text.endsWith("f") || text.endsWith("D")
                    || text.endsWith("F")) {
                throw new NumberFormatException(text);
            }
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw malformed(at, "'" + PythonLiterals.printable(text) + "' is not a float");
        }
    }

    // ---- bytes

    private int readByte() throws WireFormatException {
        if (position >= end) {
            throw malformed(position, "the pickle ends before STOP");
        }
        return data[position++] & 0xff;
    }

    private long readLittleEndian(int count) throws WireFormatException {
        need(count);
        long value = 0;
        for (int i = 0; i < count; i++) {
            value |= (long) (data[position + i] & 0xff) << (8 * i);
        }
        position += count;
        return value;
    }

    private long readBigEndianLong() throws WireFormatException {
        need(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (data[position + i] & 0xff);
        }
        position += 8;
        return value;
    }

    private byte[] readBytes(int at, long count) throws WireFormatException {
        if (count < 0 || count > end - position) {
            throw malformed(at, "a length of " + count + " runs past the end (" + (end - position) + " bytes left)");
        }
        byte[] bytes = new byte[(int) count];
        System.arraycopy(data, position, bytes, 0, (int) count);
        position += (int) count;
        return bytes;
    }

    private void need(int count) throws WireFormatException {
        if (end - position < count) {
            throw malformed(position, "the pickle ends before STOP");
        }
    }

    /** One protocol-0 argument line, without its newline, as ISO-8859-1 text (the protocol is ASCII). */
    private String readLine(int at) throws WireFormatException {
        int newline = lineEnd(position);
        if (newline < 0) {
            throw malformed(at, "an argument line without its newline");
        }
        String line = new String(data, position, newline - position, StandardCharsets.ISO_8859_1);
        position = newline + 1;
        return line;
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
