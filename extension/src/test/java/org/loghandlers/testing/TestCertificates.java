package org.loghandlers.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Self-signed server certificates for TLS tests, made once per JVM by the JDK's {@code keytool} under
 * {@code target/test-certificates}: one for {@code 127.0.0.1} and {@code localhost} (its subject alternative names),
 * and an unrelated one no client trusts.
 */
public final class TestCertificates {

    public static final String PASSWORD = "changeit";

    private static final Path DIR = Path.of("target", "test-certificates").toAbsolutePath();

    private TestCertificates() {
    }

    /** The key store (PKCS12) of the loopback server's key and certificate. */
    public static synchronized Path loopbackKeyStore() {
        return keyStore("loopback", "CN=127.0.0.1", "SAN=ip:127.0.0.1,dns:localhost");
    }

    /** The loopback server's certificate alone, as a PEM file: what a client trusts. */
    public static synchronized Path loopbackCertificatePem() {
        return pem("loopback", loopbackKeyStore());
    }

    /** The loopback server's certificate in a password-protected PKCS12 trust store. */
    public static synchronized Path loopbackTrustStore() {
        Path store = DIR.resolve("loopback-trust.p12");
        if (!Files.exists(store)) {
            keytool("-importcert", "-noprompt", "-alias", "loopback", "-file",
                    loopbackCertificatePem().toString(), "-keystore", store.toString(), "-storetype", "PKCS12",
                    "-storepass", PASSWORD);
        }
        return store;
    }

    /** The key store of a server whose certificate names only {@code stranger.example}, not loopback. */
    public static synchronized Path strangerKeyStore() {
        return keyStore("stranger", "CN=stranger.example", "SAN=dns:stranger.example");
    }

    /** The stranger's certificate as a PEM file: trusting it must not make the loopback server trusted. */
    public static synchronized Path strangerCertificatePem() {
        return pem("stranger", strangerKeyStore());
    }

    /** A server-side SSL context with the loopback key, for servers that take one. */
    public static SSLContext loopbackServerContext() {
        return serverContext(loopbackKeyStore());
    }

    /** A server-side SSL context with the stranger's key. */
    public static SSLContext strangerServerContext() {
        return serverContext(strangerKeyStore());
    }

    private static SSLContext serverContext(Path keyStore) {
        try {
            KeyStore keys = KeyStore.getInstance(keyStore.toFile(), PASSWORD.toCharArray());
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path keyStore(String name, String subject, String alternativeNames) {
        Path store = DIR.resolve(name + ".p12");
        if (!Files.exists(store)) {
            keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                    "-dname", subject, "-ext", alternativeNames, "-keystore", store.toString(), "-storetype",
                    "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        }
        return store;
    }

    private static Path pem(String name, Path store) {
        Path pem = DIR.resolve(name + ".pem");
        if (!Files.exists(pem)) {
            keytool("-exportcert", "-rfc", "-alias", name, "-keystore", store.toString(), "-storepass", PASSWORD,
                    "-file", pem.toString());
        }
        return pem;
    }

    private static void keytool(String... arguments) {
        try {
            Files.createDirectories(DIR);
            List<String> command = new java.util.ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
