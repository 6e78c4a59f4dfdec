package org.loghandlers.handlers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Collections;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Turns a trust store option into the socket factory TLS connections use: a PKCS12 or JKS key store (the type is
 * recognised from the file), or a PEM file of certificates ({@code -----BEGIN CERTIFICATE-----}), which needs no
 * password. Only the certificates it holds are trusted, not the JVM's defaults.
 */
final class TrustStores {

    private TrustStores() {
    }

    static SSLSocketFactory socketFactory(String file, String password) throws GeneralSecurityException, IOException {
        KeyStore trusted = load(Path.of(file), password);
        if (Collections.list(trusted.aliases()).stream().noneMatch(alias -> isCertificate(trusted, alias))) {
            throw new GeneralSecurityException("trust store " + file + " holds no certificate"
                    + (password == null ? " (a PKCS12 file may need trust-store-password)" : ""));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    private static KeyStore load(Path file, String password) throws GeneralSecurityException, IOException {
        byte[] content = Files.readAllBytes(file);
        if (new String(content, 0, Math.min(content.length, 4096), StandardCharsets.US_ASCII).contains("-----BEGIN")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            Collection<? extends Certificate> certificates;
            try (InputStream in = Files.newInputStream(file)) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            int index = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("certificate-" + index++, certificate);
            }
            return store;
        }
        return KeyStore.getInstance(file.toFile(), password == null ? null : password.toCharArray());
    }

    private static boolean isCertificate(KeyStore store, String alias) {
        try {
            return store.isCertificateEntry(alias) || store.getCertificate(alias) != null;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
