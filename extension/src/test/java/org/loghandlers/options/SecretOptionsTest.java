package org.loghandlers.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loghandlers.config.ConfigProblem;

class SecretOptionsTest {

    @Test
    void credentialsAndPasswordsAreSecretWhateverTheyAreCalled() {
        assertTrue(SecretOptions.isSecret("credentials"));
        assertTrue(SecretOptions.isSecret("trust-store-password"));
        assertTrue(SecretOptions.isSecret("trustStorePassword"));
        assertTrue(SecretOptions.isSecret("loghandlers.handler.mail.credentials"));
        assertTrue(SecretOptions.isSecret("org.loghandlers.handlers.SmtpHandler.credentials"));
        assertFalse(SecretOptions.isSecret("loghandlers.handler.mail.mailhost"));
        assertFalse(SecretOptions.isSecret(null));
    }

    @Test
    void aProblemWithASecretOptionNeverShowsItsValue() {
        assertEquals("loghandlers.handler.mail.credentials=(hidden): accepted: user:password",
                new ConfigProblem("loghandlers.handler.mail.credentials", "user-Secr3t", "accepted: user:password")
                        .describe());
        assertEquals("loghandlers.handler.mail.trust-store-password=(hidden): wrong",
                new ConfigProblem("loghandlers.handler.mail.trust-store-password", "Secr3t", "wrong").toString());
        assertEquals("loghandlers.handler.mail.timeout=x: accepted: a decimal number",
                new ConfigProblem("loghandlers.handler.mail.timeout", "x", "accepted: a decimal number").describe());
    }
}
