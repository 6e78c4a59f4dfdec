package org.loghandlers.benchmarks;

import java.util.logging.Handler;
import java.util.logging.Logger;

import org.loghandlers.handlers.DatagramHandler;
import org.loghandlers.handlers.QueueHandler;
import org.loghandlers.handlers.SocketHandler;
import org.loghandlers.handlers.SysLogHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Our network handlers sending to a loopback sink, each on its defaults but where it sends: {@code target} is
 * {@code socket-pickle} ({@link SocketHandler}, Python's pickle frames over TCP), {@code socket-json} (the same with
 * {@code format=json}, newline-delimited JSON), {@code datagram-pickle} ({@link DatagramHandler}, one pickle per UDP
 * datagram), {@code syslog-udp-5424} and {@code syslog-tcp-5424} ({@link SysLogHandler} with
 * {@code protocol=rfc5424}, over UDP, and over TCP with its default RFC 6587 octet counting). {@code mode} is
 * {@code direct} (the logging thread sends) or {@code queued} (a {@link QueueHandler} on its defaults in front,
 * which hands its consumer's batches to the handler). Under the JDK LogManager only: the file scenarios already
 * show what JBoss LogManager changes, which is the same for every handler.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class LoghandlersNetworkBenchmark extends NetworkScenario {

    private static final String LOOPBACK = "127.0.0.1";

    @Param({"socket-pickle", "socket-json", "datagram-pickle", "syslog-udp-5424", "syslog-tcp-5424"})
    public String target;

    @Param({"direct", "queued"})
    public String mode;

    private Handler handler;
    private QueueHandler queue;
    private Logger logger;

    @Override
    protected Wire wire() {
        switch (target) {
            case "socket-pickle":
                return Wire.TCP_LENGTH_PREFIXED;
            case "socket-json":
                return Wire.TCP_LINES;
            case "datagram-pickle":
                return Wire.UDP_LENGTH_PREFIXED;
            case "syslog-udp-5424":
                return Wire.UDP_DATAGRAM;
            case "syslog-tcp-5424":
                return Wire.TCP_OCTET_COUNTING;
            default:
                throw new IllegalArgumentException("target: '" + target + "' is not a scenario; expected"
                        + " socket-pickle, socket-json, datagram-pickle, syslog-udp-5424 or syslog-tcp-5424");
        }
    }

    @Override
    protected void open(int port) {
        Scenarios.requireLogManagerOf(method());
        handler = sender(port);
        Handler attached = handler;
        switch (mode) {
            case "direct":
                break;
            case "queued":
                queue = new QueueHandler(handler);
                attached = queue;
                break;
            default:
                throw new IllegalArgumentException("mode: '" + mode + "' is not a scenario; expected direct or"
                        + " queued");
        }
        logger = WorkloadLogger.attach(attached);
    }

    private Handler sender(int port) {
        switch (target) {
            case "socket-pickle":
                return new SocketHandler(LOOPBACK, port);
            case "socket-json":
                SocketHandler json = new SocketHandler(LOOPBACK, port);
                json.setFormat("json");
                return json;
            case "datagram-pickle":
                return new DatagramHandler(LOOPBACK, port);
            case "syslog-udp-5424":
                return syslog(port, "udp");
            case "syslog-tcp-5424":
                return syslog(port, "tcp");
            default:
                throw new IllegalArgumentException("target: '" + target + "' is not a scenario");
        }
    }

    private static SysLogHandler syslog(int port, String socktype) {
        SysLogHandler syslog = new SysLogHandler();
        syslog.setAddress(LOOPBACK + ":" + port);
        syslog.setSocktype(socktype);
        syslog.setProtocol("rfc5424");
        return syslog;
    }

    @Override
    protected void close() {
        if (queue != null) {
            WorkloadLogger.detach(logger, queue);
            queue.close();
        } else {
            WorkloadLogger.detach(logger, handler);
        }
        handler.close();
    }

    @Benchmark
    public void underJdkLogManager(Producer producer) {
        logger.info(Workload.MESSAGE);
        producer.called();
    }
}
