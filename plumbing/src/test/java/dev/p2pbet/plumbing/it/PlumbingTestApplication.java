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

        @GetMapping("/api/overloaded")
        String overloaded() {
            throw new org.springframework.transaction.CannotCreateTransactionException("pool exhausted: secret internals",
                    new org.springframework.jdbc.CannotGetJdbcConnectionException("HikariPool-1 - Connection is not available"));
        }
    }
}
