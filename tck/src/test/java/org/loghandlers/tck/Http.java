package org.loghandlers.tck;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GET requests from the test client to a deployment's servlets; anything but 200 fails the test. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    static String get(URL base, String path) throws IOException, InterruptedException {
        URI uri = URI.create(base.toString()).resolve(path);
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + uri + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
