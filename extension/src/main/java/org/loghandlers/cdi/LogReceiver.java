package org.loghandlers.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Selects a receiver declared in configuration by its name: {@code @Inject @LogReceiver("central") SocketReceiver r;}
 * gets the very receiver declared under {@code loghandlers.receiver.central.*}, running once the deployment has
 * started (to read its bound port, say).
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface LogReceiver {

    /** The receiver's name, the {@code <name>} in {@code loghandlers.receiver.<name>.type}. */
    String value();

    /** An instance of the qualifier, for {@code Instance.select(LogReceiver.Literal.of("central"))}. */
    final class Literal extends AnnotationLiteral<LogReceiver> implements LogReceiver {

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
