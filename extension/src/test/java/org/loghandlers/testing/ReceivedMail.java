package org.loghandlers.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** What a recipient's mail program shows of a received mail: its header lines in order, and its text. */
public record ReceivedMail(List<String> headerLines, String text) {

    /** Reads {@code message} as a server stored it. */
    public static ReceivedMail of(MimeMessage message) {
        try {
            List<String> lines = new ArrayList<>(Collections.list(message.getAllHeaderLines()));
            Object content = message.getContent();
            return new ReceivedMail(List.copyOf(lines), content.toString());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values of every header called {@code name}, unfolded, in order. */
    public List<String> header(String name) {
        List<String> values = new ArrayList<>();
        for (String line : headerLines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                values.add(line.substring(colon + 1).replaceAll("\r?\n[ \t]", " ").trim());
            }
        }
        return values;
    }

    /** The one value of header {@code name}; fails when there is none or more than one. */
    public String only(String name) {
        List<String> values = header(name);
        if (values.size() != 1) {
            throw new AssertionError("expected one " + name + " header, got " + values + " in " + headerLines);
        }
        return values.get(0);
    }

    /** The header names in order, without those the receiving server adds (Received, Return-Path). */
    public List<String> headerNamesAsSent() {
        List<String> names = new ArrayList<>();
        for (String line : headerLines) {
            String name = line.substring(0, Math.max(0, line.indexOf(':')));
            if (!name.equalsIgnoreCase("Received") && !name.equalsIgnoreCase("Return-Path")) {
                names.add(name);
            }
        }
        return names;
    }

    /** The text with the CRLF line ends of the wire turned into LF. */
    public String textWithLf() {
        return text.replace("\r\n", "\n");
    }
}
