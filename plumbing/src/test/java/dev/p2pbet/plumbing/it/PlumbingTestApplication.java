package dev.p2pbet.plumbing.it;

import dev.p2pbet.plumbing.kafka.NonRetryableEventException;
import dev.p2pbet.plumbing.web.ApiProblem;
import dev.p2pbet.schemas.bet.BetEvent;
import dev.p2pbet.schemas.topics.Topics;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service built only from the plumbing, as the four real services are. */
@SpringBootApplication
public class PlumbingTestApplication {

    /** A bet id that this consumer refuses as a broken business rule, on every delivery. */
    public static final String POISON_BET = "poison-bet";

    @Component
    public static class RecordingListener {

        final List<BetEvent> received = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = Topics.BET_EVENTS, groupId = "plumbing-it")
        void on(BetEvent event) {
            if (POISON_BET.equals(event.getBetId())) {
                throw new NonRetryableEventException("bet " + event.getBetId() + " breaks a rule");
            }
            received.add(event);
        }
    }

    /** Requests kept in flight by {@code /api/held} until released (at most 30 s, so a failed test frees them). */
    public static final class HeldRequests {

        static final java.util.concurrent.atomic.AtomicInteger arrived = new java.util.concurrent.atomic.AtomicInteger();
        static volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(0);

        private HeldRequests() {
        }

        public static void hold() {
            arrived.set(0);
            gate = new java.util.concurrent.CountDownLatch(1);
        }

        public static int arrived() {
            return arrived.get();
        }

        public static void release() {
            gate.countDown();
        }
    }

    /** Work in a transaction, as the services' application classes do it ({@code @Transactional}, no qualifier). */
    @Component
    public static class TransactionalWork {

        @org.springframework.transaction.annotation.Transactional
        public boolean inTransaction() {
            return org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive();
        }
    }

    @RestController
    public static class ProbeController {

        @GetMapping("/api/whoami")
        String whoami(@AuthenticationPrincipal Jwt jwt) {
            return jwt.getSubject();
        }

        /** Reads a JSON body, as every write endpoint of the services does. */
        @org.springframework.web.bind.annotation.PostMapping("/api/echo-size")
        int echoSize(@org.springframework.web.bind.annotation.RequestBody java.util.Map<String, Object> body) {
            return body.toString().length();
        }

        @GetMapping("/api/admin-only")
        @PreAuthorize("hasRole('ADMIN')")
        String adminOnly() {
            return "admin";
        }

        @GetMapping("/api/refused")
        String refused() {
            throw ApiProblem.conflict("ALREADY_TAKEN", "Someone else took this bet.");
        }

        @GetMapping("/api/broken")
        String broken() {
            throw new IllegalStateException("secret internals");
        }

        /** Works until {@link HeldRequests#release()}: requests in flight, for the in-flight limit. */
        @GetMapping("/api/held")
        String held() throws InterruptedException {
            HeldRequests.arrived.incrementAndGet();
            return HeldRequests.gate.await(30, java.util.concurrent.TimeUnit.SECONDS) ? "released" : "gave up";
        }

        /** A server-sent-event stream that says hello at once and stays open for 10 s. */
        @GetMapping(path = "/api/events", produces = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE)
        org.springframework.web.servlet.mvc.method.annotation.SseEmitter events() throws java.io.IOException {
            var emitter = new org.springframework.web.servlet.mvc.method.annotation.SseEmitter(10_000L);
            emitter.send(org.springframework.web.servlet.mvc.method.annotation.SseEmitter.event().name("hello").data("hi"));
            return emitter;
        }

        @GetMapping("/api/overloaded")
        String overloaded() {
            throw new org.springframework.transaction.CannotCreateTransactionException("pool exhausted: secret internals",
                    new org.springframework.jdbc.CannotGetJdbcConnectionException("HikariPool-1 - Connection is not available"));
        }
    }
}
