package org.loghandlers.wildfly;

/** How a command of the test (jboss-cli.sh, install.sh) ended: its exit code and everything it printed. */
record CommandResult(int exitCode, String output) {
}
