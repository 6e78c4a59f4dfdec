package org.loghandlers.benchmarks;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.net.SyslogAppender;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Peer: Logback's {@code SyslogAppender} ({@code target=syslog-udp-bsd}), BSD syslog over UDP, the only transport
 * it has, on its defaults (suffix pattern {@code [%thread] %logger %msg}) but where it sends and the facility, which
 * it requires ({@code USER}, our default). Logback's {@code SocketAppender} is not measured: it sends serialized
 * Java objects, which a sink could count only by deserializing them in the benchmark's JVM, at a cost no other
 * scenario's sink pays.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class LogbackNetworkBenchmark extends NetworkScenario {

    @Param({"syslog-udp-bsd"})
    public String target;

    private LoggerContext context;
    private SyslogAppender syslog;
    private ch.qos.logback.classic.Logger logger;

    @Override
    protected Wire wire() {
        if (!target.equals("syslog-udp-bsd")) {
            throw new IllegalArgumentException("target: '" + target + "' is not a scenario; expected syslog-udp-bsd"
                    + " (Logback's SyslogAppender has no TCP)");
        }
        return Wire.UDP_DATAGRAM;
    }

    @Override
    protected void open(int port) {
        context = Logback.context();
        syslog = new SyslogAppender();
        syslog.setContext(context);
        syslog.setName("syslog");
        syslog.setSyslogHost("127.0.0.1");
        syslog.setPort(port);
        syslog.setFacility("USER");
        syslog.start();
        if (!syslog.isStarted()) {
            throw new IllegalStateException("Logback's SyslogAppender did not start; see its status messages");
        }
        logger = Logback.workloadLogger(context, syslog);
    }

    @Override
    protected void close() {
        syslog.stop();
        context.stop();
    }

    @Benchmark
    public void info(Producer producer) {
        logger.info(Workload.MESSAGE);
        producer.called();
    }
}
