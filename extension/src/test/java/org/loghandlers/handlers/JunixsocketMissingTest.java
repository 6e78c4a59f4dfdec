package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.testing.CountingErrorManager;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * junixsocket is optional: an application without it that logs to a Unix datagram socket gets one clear report
 * naming the artifacts to add. The handler is loaded here by a class loader that sees our classes but not
 * junixsocket, as in an application that did not add it; the receiving socket is a real Unix datagram socket.
 */
class JunixsocketMissingTest {

    @TempDir
    Path dir;

    private AFUNIXDatagramChannel receiver;
    private Path socket;
    private URLClassLoader withoutJunixsocket;

    @BeforeEach
    void bindADatagramSocket() throws Exception {
        socket = dir.resolve("dgram.sock");
        receiver = AFUNIXDatagramChannel.open();
        receiver.bind(AFUNIXSocketAddress.of(socket));
        URL ourClasses = SysLogHandler.class.getProtectionDomain().getCodeSource().getLocation();
        withoutJunixsocket = new URLClassLoader(new URL[] {ourClasses}, ClassLoader.getPlatformClassLoader());
    }

    @AfterEach
    void close() throws Exception {
        receiver.close();
        withoutJunixsocket.close();
    }

    private Handler handlerWithoutJunixsocket(String socktype, CountingErrorManager errors) throws Exception {
        Class<?> type = withoutJunixsocket.loadClass(SysLogHandler.class.getName());
        assertNotSame(SysLogHandler.class, type);
        assertThrows(ClassNotFoundException.class,
                () -> withoutJunixsocket.loadClass(AFUNIXDatagramChannel.class.getName()));
        Handler handler = (Handler) type.getConstructor().newInstance();
        handler.setErrorManager(errors);
        type.getMethod("setAddress", String.class).invoke(handler, socket.toString());
        type.getMethod("setSocktype", String.class).invoke(handler, socktype);
        return handler;
    }

    private static long lost(Handler handler) throws Exception {
        return (Long) handler.getClass().getMethod("getLostRecordCount").invoke(handler);
    }

    @Test
    void withJunixsocketTheDatagramArrives() throws Exception {
        SysLogHandler handler = new SysLogHandler();
        handler.setAddress(socket.toString());
        handler.publish(new LogRecord(Level.SEVERE, "here"));
        ByteBuffer got = ByteBuffer.allocate(100);
        receiver.receive(got);
        assertArrayEquals("<11>here\0".getBytes(), Arrays.copyOf(got.array(), got.position()));
        handler.close();
    }

    @Test
    void aDatagramSocketWithoutJunixsocketIsReportedOnceNamingTheArtifacts() throws Exception {
        CountingErrorManager errors = new CountingErrorManager();
        Handler handler = handlerWithoutJunixsocket("udp", errors);
        for (int i = 0; i < 5; i++) {
            handler.publish(new LogRecord(Level.SEVERE, "no junixsocket"));
        }
        assertEquals(1, errors.count(), () -> errors.reports().toString());
        String message = errors.reports().get(0).message();
        assertTrue(message.contains("needs junixsocket, which is not on the class path: add"
                + " com.kohlschutter.junixsocket:junixsocket-common and"
                + " com.kohlschutter.junixsocket:junixsocket-native-common (2.10.1)"), message);
        assertTrue(message.contains("unix " + socket), message);
        assertEquals(ErrorManager.OPEN_FAILURE, errors.reports().get(0).code());
        assertEquals(5, lost(handler));
        handler.close();
    }

    @Test
    void pythonsDefaultSocketTypeSaysWhyNeitherKindOfSocketWorked() throws Exception {
        CountingErrorManager errors = new CountingErrorManager();
        Handler handler = handlerWithoutJunixsocket(null, errors);
        handler.publish(new LogRecord(Level.SEVERE, "no junixsocket"));
        handler.publish(new LogRecord(Level.SEVERE, "no junixsocket"));
        assertEquals(1, errors.count(), () -> errors.reports().toString());
        String message = errors.reports().get(0).message();
        assertTrue(message.contains("neither as a datagram socket (a Unix datagram socket (such as /dev/log on Linux)"
                + " needs junixsocket"), message);
        assertTrue(message.contains("com.kohlschutter.junixsocket:junixsocket-native-common"), message);
        assertTrue(message.contains("nor as a stream socket ("), message);
        handler.close();
    }
}
