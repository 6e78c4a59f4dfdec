package org.loghandlers.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1 and localhost made with the JDK's {@code keytool}: the server's key store
 * and a trust store holding only that certificate, both PKCS12.
 */
public record TestCertificates(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword) {

    /** Makes both stores in {@code dir}. */
    public static TestCertificates make(Path dir) throws IOException, InterruptedException {
        Path keys = dir.resolve("receiver.p12");
        Path certificate = dir.resolve("receiver.pem");
        Path trust = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keys.toString(), "-storepass", "receiver-pass", "-keypass", "receiver-pass");
        keytool("-exportcert", "-rfc", "-alias", "receiver", "-keystore", keys.toString(), "-storepass",
                "receiver-pass", "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "receiver", "-file", certificate.toString(), "-storetype",
                "PKCS12", "-keystore", trust.toString(), "-storepass", "trust-pass");
        return new TestCertificates(keys, "receiver-pass", trust, "trust-pass");
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }

    @Override
    public String toString() {
        return "TestCertificates[" + keyStore + ", " + trustStore + "]";
    }
}
