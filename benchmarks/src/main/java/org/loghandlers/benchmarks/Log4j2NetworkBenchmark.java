package org.loghandlers.benchmarks;

import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.builder.api.AppenderComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Peer: Log4j2's network appenders, on synchronous loggers, each on its defaults but where it sends. {@code target}
 * is {@code socket-json} (the {@code Socket} appender over TCP with {@code JsonTemplateLayout} on its default
 * template, one JSON document per line: the layout comparable to our {@code socket-json}), or the {@code Syslog}
 * appender in RFC 5424 ({@code syslog-udp-5424}, {@code syslog-tcp-5424}) or BSD format ({@code syslog-udp-bsd},
 * {@code syslog-tcp-bsd}). Over TCP its syslog records have no framing unless {@code newLine=true}, which these
 * scenarios set: a receiver could not tell one record from the next without it, and it is what Log4j2's manual
 * gives for TCP receivers.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class Log4j2NetworkBenchmark extends NetworkScenario {

    @Param({"socket-json", "syslog-udp-5424", "syslog-tcp-5424", "syslog-udp-bsd", "syslog-tcp-bsd"})
    public String target;

    private LoggerContext context;
    private Logger logger;

    @Override
    protected Wire wire() {
        switch (target) {
            case "socket-json":
            case "syslog-tcp-5424":
            case "syslog-tcp-bsd":
                return Wire.TCP_LINES;
            case "syslog-udp-5424":
            case "syslog-udp-bsd":
                return Wire.UDP_DATAGRAM;
            default:
                throw new IllegalArgumentException("target: '" + target + "' is not a scenario; expected"
                        + " socket-json, syslog-udp-5424, syslog-tcp-5424, syslog-udp-bsd or syslog-tcp-bsd");
        }
    }

    @Override
    protected void open(int port) {
        context = Log4j2.start(false, builder -> appender(builder, port));
        logger = context.getLogger(Workload.LOGGER_NAME);
    }

    private AppenderComponentBuilder appender(ConfigurationBuilder<BuiltConfiguration> builder, int port) {
        if (target.equals("socket-json")) {
            return builder.newAppender(Log4j2.APPENDER, "Socket")
                    .addAttribute("host", "127.0.0.1")
                    .addAttribute("port", port)
                    .addAttribute("protocol", "TCP")
                    .add(builder.newLayout("JsonTemplateLayout"));
        }
        boolean tcp = target.startsWith("syslog-tcp");
        AppenderComponentBuilder syslog = builder.newAppender(Log4j2.APPENDER, "Syslog")
                .addAttribute("host", "127.0.0.1")
                .addAttribute("port", port)
                .addAttribute("protocol", tcp ? "TCP" : "UDP")
                .addAttribute("newLine", tcp);
        if (target.endsWith("-5424")) {
            syslog.addAttribute("format", "RFC5424");
        }
        return syslog;
    }

    @Override
    protected void close() {
        Log4j2.stop(context);
    }

    @Benchmark
    public void info(Producer producer) {
        logger.info(Workload.MESSAGE);
        producer.called();
    }
}
