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
 * {@code target/test-certificates} and shared by the tests of a run (servers such as GreenMail read their key store
 * once per JVM): one for {@code 127.0.0.1} and {@code localhost} (its subject alternative names), and one for a
 * stranger's host, with a PKCS12 trust store holding each certificate alone.
 */
public final class LoopbackCertificates {

    public static final String PASSWORD = "changeit";

    private static final Path DIR = Path.of("target", "test-certificates").toAbsolutePath();

    private LoopbackCertificates() {
    }

    /** The key store (PKCS12) of the loopback server's key and certificate. */
    public static synchronized Path loopbackKeyStore() {
        return keyStore("loopback", "CN=127.0.0.1", "SAN=ip:127.0.0.1,dns:localhost");
    }

    /** A PKCS12 trust store (password {@link #PASSWORD}) holding only the loopback server's certificate. */
    public static synchronized Path loopbackTrustStore() {
        return trustStore("loopback", loopbackKeyStore());
    }

    /** The key store of a server whose certificate names only {@code stranger.example}, not loopback. */
    public static synchronized Path strangerKeyStore() {
        return keyStore("stranger", "CN=stranger.example", "SAN=dns:stranger.example");
    }

    /** A trust store holding only the stranger's certificate: trusting it must not make loopback servers trusted. */
    public static synchronized Path strangerTrustStore() {
        return trustStore("stranger", strangerKeyStore());
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

    private static Path trustStore(String name, Path keyStore) {
        Path trust = DIR.resolve(name + "-trust.p12");
        if (!Files.exists(trust)) {
            Path certificate = DIR.resolve(name + ".pem");
            keytool("-exportcert", "-rfc", "-alias", name, "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                    "-file", certificate.toString());
            keytool("-importcert", "-noprompt", "-alias", name, "-file", certificate.toString(), "-keystore",
                    trust.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        }
        return trust;
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
