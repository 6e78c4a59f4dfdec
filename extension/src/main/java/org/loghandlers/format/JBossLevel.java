package org.loghandlers.format;

import java.util.logging.Level;

/**
 * The JBoss LogManager level names as plain {@code java.util.logging} levels, with the same int values as
 * {@code org.jboss.logmanager.Level}, so that configurations written for WildFly parse without jboss-logmanager on
 * the class path. {@link Level#equals} compares int values, so {@link #ERROR} equals {@link Level#SEVERE},
 * {@link #WARN} equals {@link Level#WARNING}, {@link #DEBUG} equals {@link Level#FINE} and {@link #TRACE} equals
 * {@link Level#FINER}; only {@link #FATAL} is above every JDK level.
 */
public final class JBossLevel extends Level {

    private static final long serialVersionUID = 1L;

    /** JBoss FATAL (1100), Python CRITICAL. */
    public static final Level FATAL = new JBossLevel("FATAL", 1100);
    /** JBoss ERROR (1000), Python ERROR. */
    public static final Level ERROR = new JBossLevel("ERROR", 1000);
    /** JBoss WARN (900), Python WARNING. */
    public static final Level WARN = new JBossLevel("WARN", 900);
    /** JBoss DEBUG (500), Python DEBUG. */
    public static final Level DEBUG = new JBossLevel("DEBUG", 500);
    /** JBoss TRACE (400), Python DEBUG. */
    public static final Level TRACE = new JBossLevel("TRACE", 400);

    private JBossLevel(String name, int value) {
        super(name, value);
    }
}
