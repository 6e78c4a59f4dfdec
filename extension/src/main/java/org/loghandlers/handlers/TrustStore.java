package org.loghandlers.handlers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * What a TLS client handler (http, syslog, smtp) trusts: its {@code trust-store}, {@code trust-store-password} and
 * {@code trust-store-type} options as one value that a setter replaces, with the setters' checks, and the
 * {@link SSLContext} they make. Without a file, the JVM's default trust ({@code cacerts},
 * {@code javax.net.ssl.trustStore}). Messages and {@link #toString()} name the file and its type, never the password.
 */
record TrustStore(Path file, String password, String type) {

    /** No file: the JVM's default trust; PKCS12 for a file set later. */
    static final TrustStore JVM_DEFAULT = new TrustStore(null, null, "PKCS12");

    /**
     * With the key store file at {@code path}, as an absolute path; blank for none.
     *
     * @throws IllegalArgumentException when it is not a readable file, naming the value and what is accepted
     */
    TrustStore withFile(String path) {
        if (path == null || path.isBlank()) {
            return new TrustStore(null, password, type);
        }
        Path found;
        try {
            found = Path.of(path.strip()).toAbsolutePath();
        } catch (InvalidPathException e) {
            found = null;
        }
        if (found == null || !Files.isRegularFile(found) || !Files.isReadable(found)) {
            throw new IllegalArgumentException("trustStore: '" + path + "' is not a readable file; accepted: the path"
                    + " of a PKCS12 or JKS trust store, or nothing for the JVM's default trust");
        }
        return new TrustStore(found, password, type);
    }

    /** With the file's password; empty for none. */
    TrustStore withPassword(String secret) {
        return new TrustStore(file, secret == null || secret.isEmpty() ? null : secret, type);
    }

    /**
     * With the file's key store type, one this JVM supports.
     *
     * @throws IllegalArgumentException naming the value and what is accepted
     */
    TrustStore withType(String keyStoreType) {
        String value = keyStoreType == null ? "" : keyStoreType.strip();
        try {
            KeyStore.getInstance(value);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("trustStoreType: '" + keyStoreType + "' is not a key store type this"
                    + " JVM supports; accepted: PKCS12 (the default) or JKS");
        }
        return new TrustStore(file, password, value);
    }

    /** The file's path as the getters give it; empty for the JVM's default trust. */
    String fileText() {
        return file == null ? "" : file.toString();
    }

    /**
     * A client context trusting what the file holds, or the JVM's default context.
     *
     * @throws IOException naming the file and its type when it cannot be read as a trust store
     */
    SSLContext context() throws IOException {
        try {
            if (file == null) {
                return SSLContext.getDefault();
            }
            KeyStore store = KeyStore.getInstance(type);
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password == null ? null : password.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IOException("loading the trust store " + this + " failed: " + e.getMessage(), e);
        }
    }

    /** The file and its type, or that the JVM's default trust is used; never the password. */
    @Override
    public String toString() {
        return file == null ? "(the JVM's default trust)" : file + " (" + type + ")";
    }
}
