package org.loghandlers.handlers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS client context of a handler: the JVM's default trust (its {@code cacerts} and
 * {@code javax.net.ssl.trustStore}), or the certificates of one trust store file. Error messages name the file and
 * its type, never its password.
 */
final class TrustStores {

    private TrustStores() {
    }

    /** A context trusting what {@code trustStore} holds; the JVM's default context when it is null. */
    static SSLContext context(Path trustStore, char[] password, String type) throws IOException {
        try {
            if (trustStore == null) {
                return SSLContext.getDefault();
            }
            KeyStore store = KeyStore.getInstance(type);
            try (InputStream in = Files.newInputStream(trustStore)) {
                store.load(in, password);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IOException("loading the trust store " + trustStore + " (" + type + ") failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * {@code type} if this JVM knows that key store type.
     *
     * @throws IllegalArgumentException naming the value and what is accepted
     */
    static String checkType(String type) {
        try {
            KeyStore.getInstance(type);
            return type;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("trustStoreType: '" + type + "' is not a key store type this JVM"
                    + " supports; expected PKCS12 (the default) or JKS");
        }
    }
}
