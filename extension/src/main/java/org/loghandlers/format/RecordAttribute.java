package org.loghandlers.format;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The Python {@code LogRecord} attributes a {@link PythonFormatter} format can name, with their Java source. */
enum RecordAttribute {
    NAME("name", Kind.TEXT) {
        @Override
        String text(RecordFields fields) {
            return String.valueOf(fields.record.getLoggerName());
        }
    },
    MSG("msg", Kind.TEXT) {
        @Override
        String text(RecordFields fields) {
            return fields.rawMessage();
        }
    },
    LEVELNAME("levelname", Kind.TEXT) {
        @Override
        String text(RecordFields fields) {
            return PythonLevel.name(fields.record.getLevel());
        }
    },
    LEVELNO("levelno", Kind.INTEGER) {
        @Override
        long integer(RecordFields fields) {
            return PythonLevel.number(fields.record.getLevel());
        }
    },
    PATHNAME("pathname", Kind.TEXT) {
        @Override
        String text(RecordFields fields) {
            return fields.pathname();
        }
    },
    FILENAME("filename", Kind.TEXT) {
        @Override
        String text(RecordFields fields) {
            return fields.filename();
        }
    },
    MODULE("module", Kind.TEXT) {
        @Override
        String text(RecordFields fields) {
            return fields.module();
        }
    },
    EXC_TEXT("exc_text", Kind.TEXT) {
        @Override
        String text(RecordFields fields) {
            return fields.exceptionText();
        }
    },
    STACK_INFO("stack_info", Kind.TEXT) {
        @Override
        String text(RecordFields fields) {
            return "";
        }
    },
    LINENO("lineno", Kind.INTEGER) {
        @Override
        long integer(RecordFields fields) {
            return fields.lineno();
        }
    },
    FUNCNAME("funcName", Kind.TEXT) {
        @Override
        String text(RecordFields fields) {
            return fields.funcName();
        }
    },
    CREATED("created", Kind.REAL) {
        @Override
        double real(RecordFields fields) {
            return fields.created();
        }
    },
    MSECS("msecs", Kind.REAL) {
        @Override
        double real(RecordFields fields) {
            return fields.msecs();
        }
    },
    RELATIVE_CREATED("relativeCreated", Kind.REAL) {
        @Override
        double real(RecordFields fields) {
            return fields.relativeCreated();
        }
    },
    THREAD("thread", Kind.INTEGER) {
        @Override
        long integer(RecordFields fields) {
            return fields.record.getLongThreadID();
        }
    },
    THREAD_NAME("threadName", Kind.TEXT) {
        @Override
        String text(RecordFields fields) {
            return RecordText.threadName(fields.record);
        }
    },
    PROCESS_NAME("processName", Kind.TEXT) {
        @Override
        String text(RecordFields fields) {
            return fields.processName();
        }
    },
    PROCESS("process", Kind.INTEGER) {
        @Override
        long integer(RecordFields fields) {
            return fields.processId();
        }
    },
    TASK_NAME("taskName", Kind.TEXT) {
        @Override
        String text(RecordFields fields) {
            return fields.taskName();
        }
    },
    MESSAGE("message", Kind.TEXT) {
        @Override
        String text(RecordFields fields) {
            return fields.message();
        }
    },
    ASCTIME("asctime", Kind.TEXT) {
        @Override
        String text(RecordFields fields) {
            return fields.asctime();
        }

        @Override
        void appendPlain(StringBuilder out, RecordFields fields) {
            fields.appendAsctime(out);
        }
    };

    /** What kind of value an attribute holds, which decides the conversions it accepts. */
    enum Kind { TEXT, INTEGER, REAL }

    static final String ACCEPTED_NAMES = Arrays.stream(values()).map(a -> a.pythonName)
            .collect(Collectors.joining(", "));

    final String pythonName;
    final Kind kind;

    RecordAttribute(String pythonName, Kind kind) {
        this.pythonName = pythonName;
        this.kind = kind;
    }

    static RecordAttribute byPythonName(String name) {
        for (RecordAttribute attribute : values()) {
            if (attribute.pythonName.equals(name)) {
                return attribute;
            }
        }
        return null;
    }

    String text(RecordFields fields) {
        throw new UnsupportedOperationException(pythonName + " is not a text");
    }

    long integer(RecordFields fields) {
        throw new UnsupportedOperationException(pythonName + " is not an integer");
    }

    double real(RecordFields fields) {
        throw new UnsupportedOperationException(pythonName + " is not a number");
    }

    /** Appends the value as {@code %(name)s} without width or precision shows it. */
    void appendPlain(StringBuilder out, RecordFields fields) {
        out.append(text(fields));
    }

    void append(StringBuilder out, RecordFields fields, PercentConversion conversion) {
        switch (kind) {
            case INTEGER:
                conversion.appendInteger(out, integer(fields));
                break;
            case REAL:
                conversion.appendReal(out, real(fields));
                break;
            default:
                if (conversion.isPlainText()) {
                    appendPlain(out, fields);
                } else {
                    conversion.appendText(out, text(fields));
                }
                break;
        }
    }
}
