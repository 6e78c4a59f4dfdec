package org.loghandlers.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loghandlers.config.ConfigProblem;

class DurationsAndSecretsTest {

    @Test
    void readsMillisecondsUnitsAndIsoDurations() {
        assertEquals(5000, Durations.parseMillis("5000"));
        assertEquals(500, Durations.parseMillis("500ms"));
        assertEquals(5000, Durations.parseMillis(" 5 s "));
        assertEquals(120_000, Durations.parseMillis("2m"));
        assertEquals(3_600_000, Durations.parseMillis("1H"));
        assertEquals(1500, Durations.parseMillis("PT1.5S"));
        assertEquals(0, Durations.parseMillis("0"));
    }

    @Test
    void refusesWhatIsNoSpanOfTime() {
        for (String bad : new String[] {"", "soon", "-5", "5 days", "PT-1S", "99999999999999999999", "1.5s"}) {
            assertThrows(IllegalArgumentException.class, () -> Durations.parseMillis(bad), bad);
        }
    }

    @Test
    void knowsWhichKeysHoldSecrets() {
        assertTrue(Secrets.isSecret("loghandlers.handler.ship.credentials"));
        assertTrue(Secrets.isSecret("loghandlers.handler.ship.trust-store-password"));
        assertTrue(Secrets.isSecret("org.loghandlers.handlers.HttpHandler.trustStorePassword"));
        assertTrue(Secrets.isSecret("loghandlers.handler.ship.credentails"), "a misspelt key is hidden too");
        assertFalse(Secrets.isSecret("loghandlers.handler.ship.host"));
        assertFalse(Secrets.isSecret("loghandlers.handler.ship.trust-store"));
    }

    @Test
    void aProblemWithASecretNamesTheKeyButNotTheValue() {
        ConfigProblem problem = new ConfigProblem("loghandlers.handler.ship.credentials", "alice-s3cret",
                "refused by HttpHandler.setCredentials: accepted: user:password");
        assertEquals("loghandlers.handler.ship.credentials=(hidden): refused by HttpHandler.setCredentials:"
                + " accepted: user:password", problem.describe());
        assertEquals("loghandlers.handler.ship.host=x y: bad", new ConfigProblem("loghandlers.handler.ship.host",
                "x y", "bad").describe());
    }
}
