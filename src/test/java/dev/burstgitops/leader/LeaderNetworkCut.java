package dev.burstgitops.leader;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of an API server, for a candidate that must lose the API
 * server the way a partitioned pod does: {@link #cut()} drops every open connection and refuses
 * new ones; {@link #restore()} listens on the same port again. The candidate's process and
 * client stay as they were, so what it does next is the elector's doing, not the test's.
 *
 * <p>{@link #stall()} is the other fault of a bad network: the connections stay open but no byte
 * gets through either way until {@link #resume()}, so a request sent meanwhile waits in the relay,
 * unseen by the server, and its caller waits with it (within its request timeout).
 */
public final class LeaderNetworkCut implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Object flow = new Object();
    private volatile ServerSocket listener;
    private boolean stalled;
    private int heldFromClient;

    private LeaderNetworkCut(InetSocketAddress target, ServerSocket listener) {
        this.target = target;
        this.listener = listener;
        this.port = listener.getLocalPort();
        acceptOn(listener);
    }

    /** Relays to {@code targetPort} on 127.0.0.1 from a free port. */
    public static LeaderNetworkCut relayTo(int targetPort) {
        return new LeaderNetworkCut(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), bind(0));
    }

    public URI url() {
        return URI.create("https://127.0.0.1:" + port);
    }

    public void cut() {
        closeQuietly(listener);
        open.forEach(LeaderNetworkCut::closeQuietly);
        open.clear();
        synchronized (flow) {
            flow.notifyAll(); // a stalled pump sees its socket closed and ends
        }
    }

    /** Holds every byte either way from now on, connections staying open, until {@link #resume()}. */
    public void stall() {
        synchronized (flow) {
            stalled = true;
            heldFromClient = 0;
        }
    }

    public void resume() {
        synchronized (flow) {
            stalled = false;
            flow.notifyAll();
        }
    }

    /** How many reads from a client the relay has held since {@link #stall()}: a request is waiting in it. */
    public int heldFromClient() {
        synchronized (flow) {
            return heldFromClient;
        }
    }

    public void restore() {
        ServerSocket again = bind(port);
        listener = again;
        acceptOn(again);
    }

    @Override
    public void close() {
        cut();
    }

    private void acceptOn(ServerSocket socket) {
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Socket server = new Socket(target.getAddress(), target.getPort());
                    open.add(client);
                    open.add(server);
                    pump(client, server, true);
                    pump(server, client, false);
                } catch (IOException e) {
                    return; // the listener was closed by cut()
                }
            }
        }, "leader-network-cut-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        Thread pump = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[16 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    awaitFlow(fromClient, to);
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the cut, or the peer closing: either way this direction is done
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "leader-network-cut-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private void awaitFlow(boolean fromClient, Socket to) throws IOException {
        synchronized (flow) {
            if (stalled && fromClient) {
                heldFromClient++;
            }
            while (stalled && !to.isClosed()) {
                try {
                    flow.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("relay stopped");
                }
            }
        }
    }

    private static ServerSocket bind(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing for the cut; nothing to report
        }
    }
}
