package org.loghandlers.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Selects a handler declared in configuration by its name: {@code @Inject @LogHandler("audit") Handler audit;}
 * gets the very handler declared under {@code loghandlers.handler.audit.*}, the one attached to its loggers.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface LogHandler {

    /** The handler's name, the {@code <name>} in {@code loghandlers.handler.<name>.type}. */
    String value();

    /** An instance of the qualifier, for {@code Instance.select(LogHandler.Literal.of("audit"))}. */
    final class Literal extends AnnotationLiteral<LogHandler> implements LogHandler {

        private static final long serialVersionUID = 1L;

        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        public static Literal of(String name) {
            return new Literal(name);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
