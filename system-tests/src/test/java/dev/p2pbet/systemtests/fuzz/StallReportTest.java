package dev.p2pbet.systemtests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
            // the thread shows its frames once it runs its loop
            List<String> dispatcher = StallReport.testJvmThreads(StallReport.DISPATCHER);
            for (int tries = 0; tries < 50 && dispatcher.isEmpty(); tries++) {
                Thread.sleep(20);
                dispatcher = StallReport.testJvmThreads(StallReport.DISPATCHER);
            }

            assertThat(dispatcher).singleElement().asString().startsWith("1 x HTTP-Dispatcher RUNNABLE: ")
                    .contains("<- jdk.httpserver/sun.net.httpserver.ServerImpl$Dispatcher.run");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void dumps_another_jvm_with_jcmd() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Thread waiting = Thread.ofVirtual().start(() -> waitInTheJcmdTest(never));
        try {
            awaitWaiting(List.of(waiting));
            // jcmd attaches from its own process: to this JVM as to any service's
            List<String> groups = StallReport.serviceThreads(ProcessHandle.current().pid());

            assertThat(groups).anySatisfy(group -> assertThat(group).startsWith("1 x virtual WAITING: ")
                    .contains("<- dev.p2pbet.systemtests.fuzz.StallReportTest.waitInTheJcmdTest"));
        } finally {
            never.countDown();
            waiting.join();
        }
    }

    @Test
    void groups_the_virtual_threads_by_where_they_wait() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        List<Thread> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(Thread.ofVirtual().start(() -> waitInTheGroupTest(never)));
        }
        try {
            awaitWaiting(waiting);

            assertThat(StallReport.testJvmThreads(StallReport.TEST_JVM_REQUEST_THREADS)).anySatisfy(group -> assertThat(group)
                    .startsWith("3 x virtual WAITING: ")
                    .contains("<- dev.p2pbet.systemtests.fuzz.StallReportTest.waitInTheGroupTest"));
        } finally {
            never.countDown();
            for (Thread thread : waiting) {
                thread.join();
            }
        }
    }

    /** Until every thread waits on its latch (a dump taken before would show them starting). */
    private static void awaitWaiting(List<Thread> threads) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (threads.stream().anyMatch(thread -> thread.getState() != Thread.State.WAITING)
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    // each test's threads wait in their own method: the tests of this module run side by side

    private static void waitInTheJcmdTest(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitInTheGroupTest(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
