package org.loghandlers.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A Python {@code %}-style logging format ({@code "%(asctime)s %(levelname)-8s %(message)s"}) parsed once into
 * literal texts and attribute conversions, so formatting a record walks a list and never parses.
 */
final class PercentFormat {

    private static final String ACCEPTED = "%(attribute)[flags][width][.precision]conversion or %%, where attribute"
            + " is one of: " + RecordAttribute.ACCEPTED_NAMES + "; flags are any of - + space # 0; conversion is one"
            + " of " + PercentConversion.ACCEPTED_CONVERSIONS + " (text attributes take only s, and o x X need an"
            + " integer attribute)";

    /**
     * A piece of the format: a literal, one of the attributes nearly every format prints shown plainly
     * ({@code %(name)s} without width or precision), or any other conversion. One class with a switch rather than
     * a class per piece, so that the loop over the pieces calls one known method and the common attributes are
     * appended without a virtual call.
     */
    private static final class Segment {
        private static final int LITERAL = 0;
        private static final int ASCTIME = 1;
        private static final int LEVELNAME = 2;
        private static final int THREAD_NAME = 3;
        private static final int NAME = 4;
        private static final int MESSAGE = 5;
        private static final int OTHER = 6;
        /** A stretch of literals and level, thread and logger names, for the UTF-8 path only. */
        private static final int RUN = 7;
        /** At most this many names in one run, so that looking one up needs no array. */
        private static final int MAX_RUN_NAMES = 3;

        private final int kind;
        private final String literal;
        private final byte[] literalUtf8;
        private final RecordAttribute attribute;
        private final PercentConversion conversion;
        /** A run's pieces, its names' pieces among them, and the bytes kept for the names it met. */
        private final Segment[] runPieces;
        private final Segment[] runNames;
        private final Utf8RunCache runBytes;

        private Segment(int kind, String literal, RecordAttribute attribute, PercentConversion conversion) {
            this.kind = kind;
            this.literal = literal;
            this.literalUtf8 = literal == null ? null : literal.getBytes(StandardCharsets.UTF_8);
            this.attribute = attribute;
            this.conversion = conversion;
            this.runPieces = null;
            this.runNames = null;
            this.runBytes = null;
        }

        private Segment(Segment[] runPieces) {
            this.kind = RUN;
            this.literal = null;
            this.literalUtf8 = null;
            this.attribute = null;
            this.conversion = null;
            this.runPieces = runPieces;
            this.runNames = Arrays.stream(runPieces).filter(Segment::isName).toArray(Segment[]::new);
            this.runBytes = new Utf8RunCache();
        }

        private boolean isName() {
            return kind == LEVELNAME || kind == THREAD_NAME || kind == NAME;
        }

        private boolean joinsRun() {
            return kind == LITERAL || isName();
        }

        /**
         * The pieces for the UTF-8 path: each stretch of literals and names (up to {@value #MAX_RUN_NAMES} names)
         * becomes one run.
         */
        static Segment[] withRuns(Segment[] segments) {
            List<Segment> pieces = new ArrayList<>();
            int i = 0;
            while (i < segments.length) {
                int end = i;
                int names = 0;
                while (end < segments.length && segments[end].joinsRun()
                        && (segments[end].kind == LITERAL || names < MAX_RUN_NAMES)) {
                    names += segments[end].kind == LITERAL ? 0 : 1;
                    end++;
                }
                if (names == 0) {
                    pieces.add(segments[i]);
                    end = i + 1;
                } else {
                    pieces.add(new Segment(Arrays.copyOfRange(segments, i, end)));
                }
                i = end;
            }
            return pieces.toArray(new Segment[0]);
        }

        private String nameText(RecordFields fields) {
            switch (kind) {
                case LEVELNAME:
                    return String.valueOf(RecordAttribute.LEVELNAME.text(fields));
                case THREAD_NAME:
                    return String.valueOf(RecordAttribute.THREAD_NAME.text(fields));
                default:
                    return String.valueOf(RecordAttribute.NAME.text(fields));
            }
        }

        static Segment literal(String text) {
            return new Segment(LITERAL, text, null, null);
        }

        static Segment conversion(RecordAttribute attribute, PercentConversion conversion) {
            int kind = OTHER;
            if (conversion.isPlainText()) {
                switch (attribute) {
                    case ASCTIME:
                        kind = ASCTIME;
                        break;
                    case LEVELNAME:
                        kind = LEVELNAME;
                        break;
                    case THREAD_NAME:
                        kind = THREAD_NAME;
                        break;
                    case NAME:
                        kind = NAME;
                        break;
                    case MESSAGE:
                        kind = MESSAGE;
                        break;
                    default:
                        break;
                }
            }
            return new Segment(kind, null, attribute, conversion);
        }

        void append(StringBuilder out, RecordFields fields) {
            switch (kind) {
                case LITERAL:
                    out.append(literal);
                    break;
                case ASCTIME:
                    RecordAttribute.ASCTIME.appendPlain(out, fields);
                    break;
                case LEVELNAME:
                    out.append(RecordAttribute.LEVELNAME.text(fields));
                    break;
                case THREAD_NAME:
                    out.append(RecordAttribute.THREAD_NAME.text(fields));
                    break;
                case NAME:
                    out.append(RecordAttribute.NAME.text(fields));
                    break;
                case MESSAGE:
                    out.append(RecordAttribute.MESSAGE.text(fields));
                    break;
                default:
                    attribute.append(out, fields, conversion);
                    break;
            }
        }

        /** Appends this piece of {@link #withRuns}'s list, where every name is inside a run. */
        void appendUtf8(Utf8Text out, RecordFields fields) {
            switch (kind) {
                case LITERAL:
                    out.appendEncoded(literalUtf8);
                    break;
                case ASCTIME:
                    fields.appendAsctimeUtf8(out);
                    break;
                case RUN:
                    appendRun(out, fields);
                    break;
                case MESSAGE:
                    out.appendUtf8(fields.message());
                    break;
                default:
                    StringBuilder text = FormatBuffer.take();
                    try {
                        attribute.append(text, fields, conversion);
                        out.appendUtf8(text);
                    } finally {
                        FormatBuffer.release(text);
                    }
                    break;
            }
        }

        private void appendRun(Utf8Text out, RecordFields fields) {
            Segment[] names = runNames;
            String first = names[0].nameText(fields);
            String second = names.length > 1 ? names[1].nameText(fields) : null;
            String third = names.length > 2 ? names[2].nameText(fields) : null;
            byte[] kept = runBytes.find(first, second, third);
            if (kept != null) {
                out.appendEncoded(kept);
                return;
            }
            int start = out.length();
            int name = 0;
            for (Segment piece : runPieces) {
                if (piece.kind == LITERAL) {
                    out.appendEncoded(piece.literalUtf8);
                } else {
                    out.appendUtf8(name == 0 ? first : name == 1 ? second : third);
                    name++;
                }
            }
            runBytes.offer(first, second, third, out.bytes(), start, out.length());
        }
    }

    private final String pattern;
    private final Segment[] segments;
    /** The same pieces with runs of literals and names joined, for {@link #appendUtf8}. */
    private final Segment[] utf8Pieces;
    private final Set<RecordAttribute> used;
    /** Asked of every record a queue takes, so answered once. */
    private final boolean callerLocation;

    private PercentFormat(String pattern, Segment[] segments, Set<RecordAttribute> used) {
        this.pattern = pattern;
        this.segments = segments;
        this.utf8Pieces = Segment.withRuns(segments);
        this.used = used;
        this.callerLocation = used.contains(RecordAttribute.PATHNAME) || used.contains(RecordAttribute.FILENAME)
                || used.contains(RecordAttribute.MODULE) || used.contains(RecordAttribute.FUNCNAME)
                || used.contains(RecordAttribute.LINENO);
    }

    String pattern() {
        return pattern;
    }

    boolean uses(RecordAttribute attribute) {
        return used.contains(attribute);
    }

    /** Whether any attribute this format prints comes from the caller's location. */
    boolean usesCallerLocation() {
        return callerLocation;
    }

    void append(StringBuilder out, RecordFields fields) {
        for (Segment segment : segments) {
            segment.append(out, fields);
        }
    }

    void appendUtf8(Utf8Text out, RecordFields fields) {
        for (Segment piece : utf8Pieces) {
            piece.appendUtf8(out, fields);
        }
    }

    /**
     * Parses {@code pattern}.
     *
     * @throws IllegalArgumentException naming the option {@code format}, the value, the problem and what is
     *     accepted
     */
    static PercentFormat parse(String pattern) {
        if (pattern == null) {
            throw invalid(null, "no format given");
        }
        List<Segment> segments = new ArrayList<>();
        Set<RecordAttribute> used = EnumSet.noneOf(RecordAttribute.class);
        StringBuilder literal = new StringBuilder();
        int n = pattern.length();
        int i = 0;
        while (i < n) {
            char c = pattern.charAt(i);
            if (c != '%') {
                literal.append(c);
                i++;
                continue;
            }
            int start = i;
            i++;
            if (i < n && pattern.charAt(i) == '%') {
                literal.append('%');
                i++;
                continue;
            }
            if (i >= n || pattern.charAt(i) != '(') {
                throw invalid(pattern, "'%' at position " + start + " is neither '%%' nor followed by '(attribute)'");
            }
            int close = pattern.indexOf(')', i);
            if (close < 0) {
                throw invalid(pattern, "'(' at position " + i + " is never closed");
            }
            String name = pattern.substring(i + 1, close);
            RecordAttribute attribute = RecordAttribute.byPythonName(name);
            if (attribute == null) {
                throw invalid(pattern, "unknown attribute '" + name + "'");
            }
            i = close + 1;
            int flagsStart = i;
            while (i < n && "-+ #0".indexOf(pattern.charAt(i)) >= 0) {
                i++;
            }
            String flags = pattern.substring(flagsStart, i);
            int width = -1;
            int digitsStart = i;
            while (i < n && Character.isDigit(pattern.charAt(i))) {
                i++;
            }
            if (i > digitsStart) {
                width = parseCount(pattern, digitsStart, i);
            }
            int precision = -1;
            if (i < n && pattern.charAt(i) == '.') {
                i++;
                digitsStart = i;
                while (i < n && Character.isDigit(pattern.charAt(i))) {
                    i++;
                }
                precision = i > digitsStart ? parseCount(pattern, digitsStart, i) : 0;
            }
            while (i < n && "hlL".indexOf(pattern.charAt(i)) >= 0) {
                i++;
            }
            if (i >= n) {
                throw invalid(pattern, "'" + pattern.substring(start) + "' has no conversion character");
            }
            char conversion = pattern.charAt(i);
            i++;
            String spec = pattern.substring(start, i);
            if (!PercentConversion.isKnownConversion(conversion)) {
                throw invalid(pattern, "'" + spec + "' has the unsupported conversion '" + conversion + "'");
            }
            if (attribute.kind == RecordAttribute.Kind.TEXT && !PercentConversion.isTextConversion(conversion)) {
                throw invalid(pattern, "'" + spec + "' applies a number conversion to the text attribute " + name);
            }
            if (attribute.kind == RecordAttribute.Kind.REAL && PercentConversion.isIntegerOnlyConversion(conversion)) {
                throw invalid(pattern, "'" + spec + "' needs an integer but " + name + " is a float");
            }
            if (literal.length() > 0) {
                segments.add(Segment.literal(literal.toString()));
                literal.setLength(0);
            }
            used.add(attribute);
            PercentConversion converter = new PercentConversion(flags, width, precision, conversion);
            segments.add(Segment.conversion(attribute, converter));
        }
        if (literal.length() > 0) {
            segments.add(Segment.literal(literal.toString()));
        }
        return new PercentFormat(pattern, segments.toArray(new Segment[0]), used);
    }

    private static int parseCount(String pattern, int from, int to) {
        try {
            return Integer.parseInt(pattern.substring(from, to));
        } catch (NumberFormatException tooLarge) {
            throw invalid(pattern, "'" + pattern.substring(from, to) + "' at position " + from + " is too large");
        }
    }

    private static IllegalArgumentException invalid(String pattern, String problem) {
        return new IllegalArgumentException("format: '" + pattern + "' is not a valid Python %-style format: "
                + problem + "; accepted: " + ACCEPTED);
    }
}
