package dev.burstgitops.controller;

import java.io.IOException;
import java.io.InputStream;
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
 */
final class LeaderNetworkCut implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    private LeaderNetworkCut(InetSocketAddress target, ServerSocket listener) {
        this.target = target;
        this.listener = listener;
        this.port = listener.getLocalPort();
        acceptOn(listener);
    }

    /** Relays to {@code targetPort} on 127.0.0.1 from a free port. */
    static LeaderNetworkCut relayTo(int targetPort) {
        return new LeaderNetworkCut(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), bind(0));
    }

    URI url() {
        return URI.create("https://127.0.0.1:" + port);
    }

    void cut() {
        closeQuietly(listener);
        open.forEach(LeaderNetworkCut::closeQuietly);
        open.clear();
    }

    void restore() {
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
                    pump(client, server);
                    pump(server, client);
                } catch (IOException e) {
                    return; // the listener was closed by cut()
                }
            }
        }, "leader-network-cut-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
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
