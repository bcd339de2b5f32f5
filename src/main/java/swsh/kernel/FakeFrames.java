package swsh.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The BPDU side of a {@link FakeKernel}: ports' links as the fake has them, frames sent kept for
 * inspection, frames "received" injected by a test. No other switch answers unless a test does.
 */
public final class FakeFrames implements FrameIo {
    private final FakeKernel kernel;
    private final LinkedBlockingQueue<Frame> in = new LinkedBlockingQueue<>();
    private final List<Frame> sent = new ArrayList<>();
    private List<String> ports = List.of();

    FakeFrames(FakeKernel kernel) {
        this.kernel = kernel;
    }

    /** A frame arriving on {@code port}, as if from the wire. */
    public void inject(String port, byte[] frame) {
        in.add(new Frame(port, frame.clone()));
    }

    public synchronized List<Frame> sent() {
        return List.copyOf(sent);
    }

    @Override
    public synchronized void ports(List<String> p) {
        ports = List.copyOf(p);
    }

    @Override
    public List<Frame> receive(int millis) {
        List<Frame> out = new ArrayList<>();
        try {
            Frame f = in.poll(millis, TimeUnit.MILLISECONDS);
            if (f != null) out.add(f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        in.drainTo(out);
        return out;
    }

    @Override
    public synchronized boolean send(String port, byte[] frame) {
        if (!ports.contains(port)) return false;
        sent.add(new Frame(port, frame.clone()));
        return true;
    }

    @Override
    public PortLink link(String port) {
        State.Link l = kernel.read().link(port);
        return l == null ? null : new PortLink(l.adminUp() && l.lowerUp(), mac(port), l.hw() == null || l.hw().speed() == null ? 0 : l.hw().speed());
    }

    @Override
    public byte[] mac(String dev) {
        State.Link l = kernel.read().link(dev);
        if (l == null || l.mac() == null) return null;
        String[] b = l.mac().split(":");
        if (b.length != 6) return null;
        byte[] m = new byte[6];
        for (int i = 0; i < 6; i++) m[i] = (byte) Integer.parseInt(b[i], 16);
        return m;
    }

    @Override
    public synchronized void close() {
        ports = List.of();
    }
}
