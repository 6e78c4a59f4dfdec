package org.loghandlers.handlers.wire;

import java.util.List;

/**
 * The text of a mail: the formatted records, each ending with a newline as Python's {@code set_content} ends the
 * one record it sends, then the notices (records held back, not included, or lost) after a blank line, one a line.
 * A mail of one record and no notice is exactly that record's text, as Python sends it.
 */
public final class MailBody {

    private MailBody() {
    }

    public static String compose(List<String> records, List<String> notices) {
        StringBuilder body = new StringBuilder();
        for (String record : records) {
            body.append(record);
            if (!record.endsWith("\n")) {
                body.append('\n');
            }
        }
        if (!notices.isEmpty()) {
            if (body.length() > 0) {
                body.append('\n');
            }
            for (String notice : notices) {
                body.append(notice).append('\n');
            }
        }
        return body.toString();
    }
}
