package org.boxoffice.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * One event at one partner venue, as the venue's own box-office system sees it: seats it sold at
 * its box office, and holds and sales it made for sellers like us. Every method holds the show's
 * lock, so its seats are decided one request at a time, as a real box office's database would.
 */
final class PartnerShow {

    // On first contact, this share of a known hall is already sold at the venue's own box office.
    private static final double LEAST_SOLD_AT_BOX_OFFICE = 0.15;
    private static final double MOST_SOLD_AT_BOX_OFFICE = 0.25;

    private final HallLayout layout;
    private final Set<String> hall;
    private final SortedSet<String> soldAtBoxOffice = new TreeSet<>();
    private final Map<String, String> takenBy = new HashMap<>();
    private final Map<String, SimulatedHold> holds = new HashMap<>();
    private long seatRequests;

    private PartnerShow(HallLayout layout) {
        this.layout = layout;
        this.hall = Set.copyOf(layout.seatIds());
    }

    /**
     * The show on the day the seller first asks about it. {@code random} decides which seats the
     * box office sold before; seeded by venue and event, the same seats every time the simulator
     * starts.
     */
    static PartnerShow firstContact(HallLayout layout, RandomGenerator random) {
        var show = new PartnerShow(layout);
        var seats = new ArrayList<>(layout.seatIds());
        var share =
                LEAST_SOLD_AT_BOX_OFFICE + (MOST_SOLD_AT_BOX_OFFICE - LEAST_SOLD_AT_BOX_OFFICE) * random.nextDouble();
        Collections.shuffle(seats, random);
        show.soldAtBoxOffice.addAll(seats.subList(0, (int) Math.round(seats.size() * share)));
        return show;
    }

    /** A seller asks which seats it will not sell now. */
    synchronized SortedSet<String> askedForSeats() {
        seatRequests++;
        return unavailable();
    }

    /** The seats it will not sell to a seller now: sold at the box office, held or sold for sellers. */
    synchronized SortedSet<String> unavailable() {
        var unavailable = new TreeSet<>(soldAtBoxOffice);
        unavailable.addAll(takenBy.keySet());
        return unavailable;
    }

    synchronized Reply hold(String holdKey, List<String> seats, Instant now) {
        var existing = holds.get(holdKey);
        if (existing != null) {
            existing.countRequest();
            return existing.isFor(seats)
                    ? answer(existing, 200)
                    : Reply.error(422, "HOLD_KEY_REUSED", "This key was used for other seats.");
        }
        var unknown = seats.stream().filter(seat -> !isInHall(seat)).toList();
        if (!unknown.isEmpty()) {
            return Reply.of(422, Map.of("error", "UNKNOWN_SEATS", "seats", unknown));
        }
        var taken = seats.stream()
                .filter(seat -> soldAtBoxOffice.contains(seat) || takenBy.containsKey(seat))
                .toList();
        var hold = taken.isEmpty()
                ? SimulatedHold.held(holdKey, seats, now)
                : SimulatedHold.refused(holdKey, seats, taken, now);
        if (hold.isLive()) {
            seats.forEach(seat -> takenBy.put(seat, holdKey));
        }
        holds.put(holdKey, hold);
        return answer(hold, 201);
    }

    /** Sells the held seats to the seller; repeating it changes nothing. */
    synchronized Reply confirm(String holdKey) {
        var hold = holds.get(holdKey);
        if (hold == null) {
            return Reply.error(404, "NOT_FOUND", "No hold was made with this key.");
        }
        hold.countRequest();
        if (hold.status() == SimulatedHold.Status.HELD) {
            hold.sell();
        }
        return answer(hold, 200);
    }

    /** Gives the seats of a hold (or a sale: the seller's refund) back to the venue; idempotent. */
    synchronized Reply release(String holdKey, Instant now) {
        var hold = holds.get(holdKey);
        if (hold == null) {
            hold = SimulatedHold.releasedUnseen(holdKey, now);
            holds.put(holdKey, hold);
        }
        hold.countRequest();
        if (hold.isLive()) {
            hold.seats().forEach(seat -> takenBy.remove(seat, holdKey));
            hold.release();
        }
        return Reply.of(200, hold.view());
    }

    /** The box office sells these seats, unless a seller holds or bought them. */
    synchronized Map<String, List<String>> sellAtBoxOffice(List<String> seats) {
        var unknown = seats.stream().filter(seat -> !isInHall(seat)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Not seats of this hall: " + unknown);
        }
        var sold = new ArrayList<String>();
        var alreadyTaken = new ArrayList<String>();
        for (var seat : seats) {
            if (takenBy.containsKey(seat)) {
                alreadyTaken.add(seat);
            } else {
                soldAtBoxOffice.add(seat);
                sold.add(seat);
            }
        }
        return Map.of("sold", sold, "alreadyTaken", alreadyTaken);
    }

    synchronized Map<String, Object> record() {
        var record = new LinkedHashMap<String, Object>();
        record.put("hallSeats", layout.seatIds().size());
        record.put("soldAtBoxOffice", List.copyOf(soldAtBoxOffice));
        record.put("unavailable", List.copyOf(unavailable()));
        record.put("seatRequests", seatRequests);
        record.put(
                "holds",
                holds.values().stream()
                        .sorted(java.util.Comparator.comparing(SimulatedHold::holdKey))
                        .map(SimulatedHold::record)
                        .toList());
        return record;
    }

    private boolean isInHall(String seat) {
        return !layout.isKnown() || hall.contains(seat);
    }

    /** A live hold answers {@code liveStatus}; a refused or released one 409. */
    private static Reply answer(SimulatedHold hold, int liveStatus) {
        return Reply.of(hold.isLive() ? liveStatus : 409, hold.view());
    }
}
