package org.loghandlers.handlers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The dated backups of one timed-rotating file: which name the next one gets and which ones retention deletes.
 *
 * <p>A backup's default name is {@code <base>.<date suffix>}, or {@code <base>.<date suffix>.<n>} (n = 1, 2, ...)
 * when that name was taken already; every naming (the namer, with or without {@code .gz}) is applied to the default
 * name. A file is a backup when some naming maps a default name built from a date suffix found in the file's name to
 * exactly that file name, as in CPython 3.13's {@code getFilesToDelete}, extended to the numbered names.
 */
final class TimedBackups {

    private static final Pattern SEQUENCE = Pattern.compile("\\.([1-9]\\d{0,8})");

    private final Pattern extMatch;

    TimedBackups(Pattern extMatch) {
        this.extMatch = extMatch;
    }

    /** One backup file with what orders it: its date suffix, then its sequence number (0 for none). */
    private record Backup(Path path, String dateSuffix, int sequence) {
    }

    /**
     * The first of {@code naming(<base>.<suffix>)}, {@code naming(<base>.<suffix>.1)}, ... that names no existing
     * file.
     */
    static Path freeName(String baseFilename, String suffix, UnaryOperator<String> naming) {
        String first = baseFilename + "." + suffix;
        Path candidate = Path.of(naming.apply(first));
        for (int n = 1; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = Path.of(naming.apply(first + "." + n));
        }
        return candidate;
    }

    /**
     * The backups to delete so that the newest {@code backupCount} remain, oldest first; empty while there are not
     * more than {@code backupCount}.
     */
    List<Path> toDelete(Path baseFile, int backupCount, List<UnaryOperator<String>> namings) throws IOException {
        List<Backup> backups = find(baseFile, namings);
        if (backups.size() <= backupCount) {
            return List.of();
        }
        backups.sort(Comparator.comparing(Backup::dateSuffix).thenComparingInt(Backup::sequence));
        List<Path> oldest = new ArrayList<>();
        for (Backup backup : backups.subList(0, backups.size() - backupCount)) {
            oldest.add(backup.path());
        }
        return oldest;
    }

    private List<Backup> find(Path baseFile, List<UnaryOperator<String>> namings) throws IOException {
        Path dir = baseFile.getParent();
        String baseFilename = baseFile.toString();
        List<Backup> backups = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (Files.isDirectory(entry)) {
                    continue;
                }
                Backup backup = match(entry, baseFilename, namings);
                if (backup != null) {
                    backups.add(backup);
                }
            }
        }
        return backups;
    }

    private Backup match(Path entry, String baseFilename, List<UnaryOperator<String>> namings) {
        String fileName = entry.getFileName().toString();
        Matcher date = extMatch.matcher(fileName);
        boolean found = date.find();
        while (found) {
            String suffix = date.group();
            String plain = baseFilename + "." + suffix;
            if (producedBy(plain, fileName, namings)) {
                return new Backup(entry, suffix, 0);
            }
            Matcher sequence = SEQUENCE.matcher(fileName).region(date.end(), fileName.length());
            if (sequence.lookingAt() && producedBy(plain + sequence.group(), fileName, namings)) {
                return new Backup(entry, suffix, Integer.parseInt(sequence.group(1)));
            }
            int next = date.start() + 1;
            found = next < fileName.length() && date.find(next);
        }
        return null;
    }

    private static boolean producedBy(String defaultName, String fileName, List<UnaryOperator<String>> namings) {
        for (UnaryOperator<String> naming : namings) {
            Path named = Path.of(naming.apply(defaultName)).getFileName();
            if (named != null && named.toString().equals(fileName)) {
                return true;
            }
        }
        return false;
    }
}
