package org.boxoffice.loadtest.gatling;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the flash sale's buyers have seen, shared by all of them: tickets in successful hold
 * answers per zone, answers by status and code, and how many tickets each zone can still give
 * (a buyer who read {@code SOLD_OUT} for 3 tickets asks that zone for at most 2 afterwards, so
 * the last tickets of a zone are sold too).
 */
final class SaleTally {

    static final int MAX_QUANTITY = 4;

    private final AtomicLongArray ticketsHeld = new AtomicLongArray(Stadium.ZONES.size());
    private final AtomicIntegerArray largestServable = new AtomicIntegerArray(Stadium.ZONES.size());
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final LongAdder unexpected = new LongAdder();
    private final AtomicLong startNanos = new AtomicLong();
    private final AtomicLong soldOutNanos = new AtomicLong();
    /** The wall clock at the first hold and at the sell-out, for matching CPU samples to the sale. */
    private final AtomicLong startMillis = new AtomicLong();

    private final AtomicLong soldOutMillis = new AtomicLong();

    SaleTally() {
        for (int zone = 0; zone < Stadium.ZONES.size(); zone++) {
            largestServable.set(zone, MAX_QUANTITY);
        }
    }

    void started() {
        if (startNanos.compareAndSet(0, System.nanoTime())) {
            startMillis.set(System.currentTimeMillis());
        }
    }

    /** Whether {@code limit} has passed since the first hold was about to be sent. */
    boolean runningLongerThan(Duration limit) {
        long start = startNanos.get();
        return start != 0 && System.nanoTime() - start > limit.toNanos();
    }

    /** A zone still open to a buyer, at random, or -1 when every zone has refused one ticket. */
    int pickZone() {
        var random = ThreadLocalRandom.current();
        int first = random.nextInt(Stadium.ZONES.size());
        for (int i = 0; i < Stadium.ZONES.size(); i++) {
            int zone = (first + i) % Stadium.ZONES.size();
            if (largestServable.get(zone) > 0) {
                return zone;
            }
        }
        return -1;
    }

    /** 1–4 tickets, no more than the zone was last seen able to give. */
    int pickQuantity(int zone) {
        int wanted = ThreadLocalRandom.current().nextInt(1, MAX_QUANTITY + 1);
        return Math.max(1, Math.min(wanted, largestServable.get(zone)));
    }

    void held(int zone, int tickets) {
        ticketsHeld.addAndGet(zone, tickets);
    }

    void soldOut(int zone, int quantityRefused) {
        largestServable.accumulateAndGet(zone, quantityRefused - 1, Math::min);
        if (allSoldOut()) {
            if (soldOutNanos.compareAndSet(0, System.nanoTime())) {
                soldOutMillis.set(System.currentTimeMillis());
            }
        }
    }

    boolean allSoldOut() {
        for (int zone = 0; zone < Stadium.ZONES.size(); zone++) {
            if (largestServable.get(zone) > 0) {
                return false;
            }
        }
        return true;
    }

    void answered(String call, int status, String code) {
        answers.computeIfAbsent(call + " " + status + (code.isEmpty() ? "" : " " + code), key -> new LongAdder())
                .increment();
        if (status == 0 || status >= 500) {
            unexpected.increment();
        }
    }

    long ticketsHeld(int zone) {
        return ticketsHeld.get(zone);
    }

    long ticketsHeld() {
        long total = 0;
        for (int zone = 0; zone < Stadium.ZONES.size(); zone++) {
            total += ticketsHeld.get(zone);
        }
        return total;
    }

    /** Requests without an answer or with a 5xx. */
    long unexpectedAnswers() {
        return unexpected.sum();
    }

    /** From the first hold to the moment every zone refused a single ticket, if it came. */
    Duration timeToSellOut() {
        long end = soldOutNanos.get();
        return end == 0 ? Duration.ZERO : Duration.ofNanos(end - startNanos.get());
    }

    /** The epoch second of the first hold. */
    long startedAtSecond() {
        return startMillis.get() / 1000;
    }

    /** The epoch second of the sell-out, or of now when the sale did not sell out. */
    long soldOutAtSecond() {
        long end = soldOutMillis.get();
        return (end == 0 ? System.currentTimeMillis() : end) / 1000;
    }

    Map<String, Long> answers() {
        var sorted = new TreeMap<String, Long>();
        answers.forEach((key, count) -> sorted.put(key, count.sum()));
        return sorted;
    }
}
