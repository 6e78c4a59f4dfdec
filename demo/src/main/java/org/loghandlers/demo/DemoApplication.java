package org.loghandlers.demo;

/** Entry point of the demo: logs a burst from several threads and prints where each record went. */
public final class DemoApplication {

    private DemoApplication() {
    }

    public static void main(String[] args) {
        System.out.println("loghandlers demo: not wired yet");
    }
}
