package org.loghandlers.testing;

import org.loghandlers.handlers.RotatingFileHandler;

/** The one-line subclass the docs advise for a second, differently configured file in the JDK's logging.properties. */
public class AuditLog extends RotatingFileHandler {
}
