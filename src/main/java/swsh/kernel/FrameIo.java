package swsh.kernel;

import java.util.List;

/**
 * Link-local frames (spanning-tree BPDUs, to 01:80:c2:00:00:00) of the bridge's ports, for a
 * protocol engine in swshd: receive and send them on each port, and see each port's link. While a
 * port is open its BPDUs reach only this engine: the bridge no longer floods them (with kernel STP
 * off it would). Used by one thread.
 */
public interface FrameIo extends AutoCloseable {
    /** A frame received on {@code port}: the whole Ethernet frame from the destination address on. */
    record Frame(String port, byte[] data) {}

    /** A port's link as the engine needs it: carrier and admin state, MAC, speed in Mb/s (0: unknown). */
    record PortLink(boolean up, byte[] mac, int speed) {}

    /** Starts taking BPDUs on these ports (opening those new, closing those no longer listed). */
    void ports(List<String> ports);

    /** Frames received since the last call, waiting up to {@code millis} for the first. */
    List<Frame> receive(int millis);

    /** Sends a whole Ethernet frame on {@code port}; false when the port cannot send now. */
    boolean send(String port, byte[] frame);

    /** The port's link now, or null when there is no such device. */
    PortLink link(String port);

    /** The MAC address of any device (the bridge's, for the bridge ID), or null. */
    byte[] mac(String dev);

    /** Closes every port (the bridge floods BPDUs again). */
    @Override
    void close();
}
