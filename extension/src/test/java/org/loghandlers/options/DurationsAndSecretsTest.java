package org.loghandlers.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.loghandlers.config.ConfigProblem;

class DurationsAndSecretsTest {

    @Test
    void aBareNumberIsSecondsAsInPythonAndAUnitOrIsoSaysOtherwise() {
        assertEquals(Duration.ofSeconds(5), Durations.parse("5"));
        assertEquals(Duration.ofMillis(500), Durations.parse("0.5"));
        assertEquals(Duration.ofMillis(250), Durations.parse(".25"));
        assertEquals(Duration.ofSeconds(1), Durations.parse("1.0"));
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(5), Durations.parse(" 5 s "));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
        assertEquals(Duration.ofHours(1), Durations.parse("1H"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("PT1.5S"));
        assertEquals(Duration.ofMillis(500), Durations.parse("pt0.5s"));
        assertEquals(Duration.ZERO, Durations.parse("0"));
    }

    @Test
    void refusesWhatIsNoSpanOfTime() {
        for (String bad : new String[] {"", " ", "soon", "-5", "5 days", "PT-1S", "1e3", "1.2.3", "5 ms s",
                "99999999999999999999", null}) {
            assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), bad);
        }
    }

    @Test
    void aSetterReadsMillisecondsInItsRangeAndNamesOptionValueAndTheFormsOtherwise() {
        assertEquals(5000, Durations.millis("timeout", "5", 1, 60_000));
        assertEquals(300, Durations.millis("timeout", "300ms", 1, 60_000));
        IllegalArgumentException notTime = assertThrows(IllegalArgumentException.class,
                () -> Durations.millis("timeout", "soon", 1, 60_000));
        assertEquals("timeout: 'soon' is not a span of time; accepted: " + Durations.ACCEPTED, notTime.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> Durations.millis("timeout", "0", 1, 60_000));
        assertEquals("timeout: '0' is out of range; accepted: " + Durations.ACCEPTED + ", from 1ms to 1m",
                outside.getMessage());
    }

    @Test
    void aGettersTextReadsBackAsTheSameSpan() {
        for (long millis : new long[] {0, 1, 250, 1000, 1500, 60_000, 86_400_000}) {
            String text = Durations.format(millis);
            assertEquals(millis, Durations.parse(text).toMillis(), text);
        }
        assertEquals("5s", Durations.format(5000));
        assertEquals("1500ms", Durations.format(1500));
        assertEquals("2m", Durations.format(120_000));
        assertEquals("24h", Durations.format(Durations.DAY_MILLIS));
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
