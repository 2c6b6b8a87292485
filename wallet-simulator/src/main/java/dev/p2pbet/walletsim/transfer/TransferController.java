package dev.p2pbet.walletsim.transfer;

import dev.p2pbet.walletsim.fault.FaultInjector;
import dev.p2pbet.walletsim.fault.domain.FaultDice;
import dev.p2pbet.walletsim.transfer.domain.TransferRequest;
import dev.p2pbet.walletsim.web.ApiClient;
import dev.p2pbet.walletsim.web.ApiProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Matcher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TransferController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final Transfers transfers;
    private final FaultInjector faults;

    TransferController(Transfers transfers, FaultInjector faults) {
        this.transfers = transfers;
        this.faults = faults;
    }

    record TransferBody(
            @NotBlank @Size(max = 128) String from,
            @NotBlank @Size(max = 128) String to,
            @NotNull @Positive Long amountMinor,
            @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency,
            @Size(max = 256) String reference) {

        TransferRequest toRequest() {
            return new TransferRequest(from, to, amountMinor, currency, reference);
        }
    }

    @PostMapping("/transfers")
    ResponseEntity<TransferView> submit(@RequestAttribute(ApiClient.ATTRIBUTE) String client,
                                        @RequestHeader(IDEMPOTENCY_KEY) String idempotencyKey,
                                        @Valid @RequestBody TransferBody body) {
        requireValidKey(idempotencyKey);
        TransferRequest request = body.toRequest();
        FaultDice.PostOutcome fault = faults.postTransfer();
        if (fault == FaultDice.PostOutcome.FAIL_BEFORE_COMMIT) {
            throw outage();
        }
        Transfers.Submission submission = transfers.submit(client, idempotencyKey, request);
        if (fault == FaultDice.PostOutcome.FAIL_AFTER_COMMIT) {
            throw outage();
        }
        TransferView view = TransferView.of(submission.transfer());
        if (submission.replayed()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(view);
        }
        return ResponseEntity.accepted().location(URI.create("/transfers/" + view.id())).body(view);
    }

    @GetMapping("/transfers/{transferId}")
    TransferView get(@RequestAttribute(ApiClient.ATTRIBUTE) String client, @PathVariable String transferId) {
        UUID id;
        try {
            id = UUID.fromString(transferId);
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.notFound("transfer_not_found", "No transfer " + transferId);
        }
        return TransferView.of(transfers.get(client, id));
    }

    @GetMapping(value = "/transfers", params = "idempotencyKey")
    TransferView byIdempotencyKey(@RequestAttribute(ApiClient.ATTRIBUTE) String client,
                                  @RequestParam String idempotencyKey) {
        return TransferView.of(transfers.getByIdempotencyKey(client, idempotencyKey));
    }

    @GetMapping("/transfers/quote")
    Transfers.Quote quote(@RequestParam String from, @RequestParam String to, @RequestParam long amount,
                          @RequestParam String currency) {
        return transfers.quote(new TransferRequest(from, to, amount, currency, null));
    }

    private static void requireValidKey(String key) {
        Matcher matcher = KEY.matcher(key);
        if (!matcher.matches()) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "bad_request", "Bad request",
                    "Idempotency-Key must be 1 to 255 printable ASCII characters");
        }
    }

    private static ApiProblemException outage() {
        return new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", "Service unavailable",
                "Simulated outage: the transfer may or may not have been accepted. Retry with the same "
                        + "Idempotency-Key, or look it up with GET /transfers?idempotencyKey=");
    }
}
