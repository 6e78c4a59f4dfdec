package org.loghandlers.handlers.wire;

import java.time.Instant;

/**
 * What one syslog message says, before a {@link SyslogFormat} lays it out: the encoded priority, when it happened,
 * the RFC header fields (null for none) and the text (the formatted record, with the handler's ident in front; a
 * handler's reused builder, read while the message is encoded).
 */
public record SyslogMessage(int priority, Instant timestamp, String hostname, String appName, String procid,
        String msgid, StructuredData structuredData, CharSequence text) {
}
