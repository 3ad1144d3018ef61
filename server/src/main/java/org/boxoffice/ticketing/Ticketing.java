package org.boxoffice.ticketing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.boxoffice.platform.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The ticketing module's face: issuing and voiding e-tickets, reading them, checking them in. */
@Service
public class Ticketing {

    private final IssuedTickets issued;
    private final QrSigner signer;
    private final Outbox outbox;
    private final Clock clock;

    Ticketing(IssuedTickets issued, QrSigner signer, Outbox outbox, Clock clock) {
        this.issued = issued;
        this.signer = signer;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One e-ticket per sold ticket, in the caller's transaction (the one that marks the order paid). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<IssuedTicket> issue(UUID orderId, UUID userId, UUID eventId, List<TicketToIssue> tickets) {
        var now = clock.instant();
        var result = tickets.stream()
                .map(ticket -> {
                    var code = TicketCodes.next();
                    var qr = signer.sign(new QrPayload(ticket.ticketId(), eventId, code));
                    var eTicket = new IssuedTicket(
                            ticket.ticketId(),
                            orderId,
                            eventId,
                            ticket.zone(),
                            ticket.seat(),
                            code,
                            qr,
                            IssuedTicket.Status.VALID);
                    issued.add(eTicket, userId, now);
                    return eTicket;
                })
                .toList();
        outbox.append("order", orderId, "TicketsIssued", new TicketsIssued(orderId, eventId, result.size()));
        return result;
    }

    /** Voids the order's e-tickets (after a refund), in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void voidTickets(UUID orderId) {
        if (issued.voidOrder(orderId) > 0) {
            outbox.append("order", orderId, "TicketsVoided", new TicketsVoided(orderId));
        }
    }

    public List<IssuedTicket> ofOrder(UUID orderId) {
        return issued.ofOrder(orderId);
    }

    public List<IssuedTicket> ofUser(UUID userId, int page, int size) {
        return issued.ofUser(userId, page, size);
    }

    public long countOfUser(UUID userId) {
        return issued.countOfUser(userId);
    }

    public Optional<IssuedTicket> ofUser(UUID userId, UUID ticketId) {
        return issued.ofUser(userId, ticketId);
    }

    /** Admits the holder of a genuine, valid e-ticket once; two scanners at once admit one person. */
    @Transactional
    public CheckInResult checkIn(String qr) {
        var scanned = QrPayload.parse(qr).filter(signer::verifies);
        if (scanned.isEmpty()) {
            return new CheckInResult(CheckInResult.Result.INVALID, null);
        }
        var payload = scanned.get().payload();
        var admitted = issued.admit(payload.ticketId(), payload.code(), clock.instant());
        if (admitted.isPresent()) {
            var ticket = admitted.get();
            outbox.append(
                    "ticket",
                    ticket.ticketId(),
                    "TicketCheckedIn",
                    new TicketCheckedIn(ticket.ticketId(), ticket.orderId(), ticket.eventId()));
            return new CheckInResult(CheckInResult.Result.ADMITTED, admitted.get());
        }
        return issued.byCode(payload.ticketId(), payload.code())
                .map(ticket -> new CheckInResult(refusalFor(ticket), ticket))
                .orElse(new CheckInResult(CheckInResult.Result.INVALID, null));
    }

    public List<VerificationKey> verificationKeys() {
        return List.of(signer.publicKey());
    }

    private static CheckInResult.Result refusalFor(IssuedTicket ticket) {
        return ticket.status() == IssuedTicket.Status.VOID
                ? CheckInResult.Result.VOID
                : CheckInResult.Result.ALREADY_USED;
    }

    record TicketsIssued(UUID orderId, UUID eventId, int count) {}

    record TicketsVoided(UUID orderId) {}

    record TicketCheckedIn(UUID ticketId, UUID orderId, UUID eventId) {}
}
