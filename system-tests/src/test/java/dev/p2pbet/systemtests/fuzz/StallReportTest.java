package dev.p2pbet.systemtests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class StallReportTest {

    @Test
    void counts_the_connections_nobody_accepted_yet() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 7, InetAddress.getLoopbackAddress());
             Socket waiting = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
            assertThat(waiting.isConnected()).isTrue();

            assertThat(StallReport.acceptQueue(listener.getLocalPort())).isEqualTo("1");
        }
    }

    @Test
    void says_when_nothing_listens_on_a_port() throws IOException {
        int closed;
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = listener.getLocalPort();
        }

        assertThat(StallReport.acceptQueue(closed)).isEqualTo("not listening");
    }

    @Test
    void shows_what_the_http_server_dispatcher_is_doing() throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
        try {
            // the thread shows frames once it runs its loop
            String threads = StallReport.dispatcherThreads();
            for (int tries = 0; tries < 50 && !threads.contains("sun.net.httpserver"); tries++) {
                Thread.sleep(20);
                threads = StallReport.dispatcherThreads();
            }

            assertThat(threads).startsWith("HTTP-Dispatcher").contains("sun.net.httpserver");
        } finally {
            server.stop(0);
        }
    }
}
