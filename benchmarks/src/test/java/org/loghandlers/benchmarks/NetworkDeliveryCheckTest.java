package org.loghandlers.benchmarks;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loghandlers.benchmarks.DeliveryCheck.DeliveryCheckFailedException;

class NetworkDeliveryCheckTest {

    @Test
    void overTcpEveryRecordMustArrive() {
        String line = NetworkDeliveryCheck.verify("tcp", Wire.TCP_LENGTH_PREFIXED, 1000, received(1000));
        assertTrue(line.contains("calls 1000, received 1000, lost 0 (0.000 %)"), line);

        DeliveryCheckFailedException failure = assertThrows(DeliveryCheckFailedException.class,
                () -> NetworkDeliveryCheck.verify("tcp", Wire.TCP_LENGTH_PREFIXED, 1000, received(999)));
        assertTrue(failure.getMessage().contains("1 lost"), failure.getMessage());
    }

    @Test
    void overUdpALossIsReportedNotFailed() {
        String line = NetworkDeliveryCheck.verify("udp", Wire.UDP_DATAGRAM, 1000, received(972));

        assertTrue(line.startsWith("delivery: udp: calls 1000, received 972, lost 28 (2.800 %)"), line);
    }

    @Test
    void moreRecordsThanCallsFailsOverEitherTransport() {
        assertThrows(DeliveryCheckFailedException.class,
                () -> NetworkDeliveryCheck.verify("udp", Wire.UDP_DATAGRAM, 1000, received(1001)));
        assertThrows(DeliveryCheckFailedException.class,
                () -> NetworkDeliveryCheck.verify("tcp", Wire.TCP_LINES, 1000, received(1001)));
    }

    @Test
    void nothingReceivedFailsEvenOverUdp() {
        assertThrows(DeliveryCheckFailedException.class,
                () -> NetworkDeliveryCheck.verify("udp", Wire.UDP_DATAGRAM, 1000, received(0)));
    }

    @Test
    void aRecordThatIsNotTheWorkloadsFails() {
        FirstRecord foreign = new FirstRecord();
        byte[] text = "<14>hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        foreign.add(text, 0, text.length);

        assertThrows(DeliveryCheckFailedException.class, () -> NetworkDeliveryCheck.verify("udp",
                Wire.UDP_DATAGRAM, 10, new Reception(10, null, foreign, true)));
    }

    @Test
    void aFramingErrorFails() {
        assertThrows(DeliveryCheckFailedException.class, () -> NetworkDeliveryCheck.verify("tcp",
                Wire.TCP_OCTET_COUNTING, 10, new Reception(10, "out of step", workloadRecord(), true)));
    }

    private static Reception received(long records) {
        return new Reception(records, null, workloadRecord(), true);
    }

    private static FirstRecord workloadRecord() {
        FirstRecord first = new FirstRecord();
        byte[] text = ("<14>1 - - - - - " + Workload.MESSAGE).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        first.add(text, 0, text.length);
        first.end();
        return first;
    }
}
