package org.boxoffice.loadtest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's CPU samples of one time window went: reads a flight recording, keeps the
 * execution samples between two epoch seconds (the flash sale's first hold and its sell-out) and
 * prints where they went three ways: by the layer of the innermost frame that is not the JDK's own
 * (the JDK's frames count for the library that called them, so the shares add up to 100%), by
 * every layer on the stack (each once: a sample can count for several), and by method.
 *
 * <pre>
 * java loadtest/src/main/java/org/boxoffice/loadtest/ProfileWindow.java sale.jfr FROM TO [LAYER]
 * </pre>
 *
 * With a layer's name (as printed), it also lists that layer's own methods that ran most: the
 * innermost frame outside the JDK of the samples counted for it.
 */
public final class ProfileWindow {

    private static final String JDK = "JDK (and unnamed)";

    /** Layers by the class name prefix of a frame; the first that matches names the frame. */
    private static final Map<String, String> LAYERS = layers();

    private ProfileWindow() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: ProfileWindow RECORDING.jfr FROM_EPOCH_S TO_EPOCH_S [LAYER]");
            System.exit(64);
        }
        var from = Instant.ofEpochSecond(Long.parseLong(args[1]));
        var to = Instant.ofEpochSecond(Long.parseLong(args[2]));
        var exclusive = new HashMap<String, Integer>();
        var inclusive = new HashMap<String, Integer>();
        var callers = new HashMap<String, Integer>();
        var self = new HashMap<String, Integer>();
        var focus = args.length == 4 ? args[3] : null;
        var focused = new HashMap<String, Integer>();
        var total = 0;
        for (var event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!inWindow(event, from, to)) {
                continue;
            }
            var frames = frames(event);
            if (frames.isEmpty()) {
                continue;
            }
            total++;
            self.merge(name(frames.getFirst()), 1, Integer::sum);
            var layers = layersOf(frames);
            var layer = layers.stream()
                    .filter(named -> !named.equals(JDK))
                    .findFirst()
                    .orElse(JDK);
            exclusive.merge(layer, 1, Integer::sum);
            callers.merge(layer + " <- " + ownCaller(frames), 1, Integer::sum);
            if (layer.equals(focus)) {
                focused.merge(innermostOutsideJdk(frames), 1, Integer::sum);
            }
            layers.forEach(each -> inclusive.merge(each, 1, Integer::sum));
        }
        System.out.printf(Locale.ROOT, "%d execution samples from %s to %s%n%n", total, from, to);
        print("layer of the innermost frame outside the JDK", exclusive, total, 30);
        print("layer anywhere on the stack", inclusive, total, 30);
        print("layer <- the innermost boxoffice method on the stack", callers, total, 40);
        print("method (self)", self, total, 30);
        if (focus != null) {
            print(focus + ": its innermost methods", focused, total, 40);
        }
    }

    private static boolean inWindow(RecordedEvent event, Instant from, Instant to) {
        // Only samples of threads running Java code: jdk.NativeMethodSample is mostly threads
        // waiting in epoll or accept, which costs no CPU.
        return event.getEventType().getName().equals("jdk.ExecutionSample")
                && !event.getStartTime().isBefore(from)
                && event.getStartTime().isBefore(to);
    }

    private static List<RecordedFrame> frames(RecordedEvent event) {
        var stack = event.getStackTrace();
        return stack == null ? List.of() : stack.getFrames();
    }

    private static String name(RecordedFrame frame) {
        var method = frame.getMethod();
        return method.getType().getName() + "." + method.getName();
    }

    /** The layers on the stack from the innermost frame out, each once. */
    private static List<String> layersOf(List<RecordedFrame> frames) {
        var seen = new ArrayList<String>();
        for (var frame : frames) {
            var layer = layer(frame.getMethod().getType().getName());
            if (!seen.contains(layer)) {
                seen.add(layer);
            }
        }
        return seen;
    }

    private static String innermostOutsideJdk(List<RecordedFrame> frames) {
        return frames.stream()
                .filter(frame -> !layer(frame.getMethod().getType().getName()).equals(JDK))
                .findFirst()
                .map(ProfileWindow::name)
                .orElse("(none)");
    }

    private static String ownCaller(List<RecordedFrame> frames) {
        return frames.stream()
                .filter(frame -> frame.getMethod().getType().getName().startsWith("org.boxoffice"))
                .findFirst()
                .map(ProfileWindow::name)
                .orElse("(none)");
    }

    private static String layer(String type) {
        for (var entry : LAYERS.entrySet()) {
            if (type.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return JDK;
    }

    private static void print(String title, Map<String, Integer> counts, int total, int limit) {
        System.out.printf(Locale.ROOT, "%-100s %8s %7s%n", title, "samples", "share");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(entry -> System.out.printf(
                        Locale.ROOT,
                        "%-100s %8d %6.1f%%%n",
                        entry.getKey(),
                        entry.getValue(),
                        100.0 * entry.getValue() / Math.max(1, total)));
        System.out.println();
    }

    private static Map<String, String> layers() {
        var layers = new LinkedHashMap<String, String>();
        layers.put("org.boxoffice.ordering", "boxoffice ordering");
        layers.put("org.boxoffice.inventory", "boxoffice inventory");
        layers.put("org.boxoffice.admission", "boxoffice admission");
        layers.put("org.boxoffice.platform.idempotency", "boxoffice idempotency");
        layers.put("org.boxoffice.security", "boxoffice security (tokens)");
        layers.put("org.boxoffice", "boxoffice (other)");
        layers.put("org.apache.tomcat", "Tomcat");
        layers.put("org.apache.coyote", "Tomcat");
        layers.put("org.apache.catalina", "Tomcat");
        layers.put("org.springframework.security", "Spring Security");
        layers.put("org.springframework.web", "Spring MVC");
        layers.put("org.springframework.http", "Spring MVC");
        layers.put("org.springframework.validation", "validation");
        layers.put("org.hibernate.validator", "validation");
        layers.put("tools.jackson", "Jackson");
        layers.put("com.fasterxml.jackson", "Jackson");
        layers.put("org.springframework.jdbc", "JDBC (Spring, pgjdbc, Hikari)");
        layers.put("org.postgresql", "JDBC (Spring, pgjdbc, Hikari)");
        layers.put("com.zaxxer.hikari", "JDBC (Spring, pgjdbc, Hikari)");
        layers.put("org.springframework.transaction", "transactions");
        layers.put("io.lettuce", "Redis (Lettuce, Netty)");
        layers.put("io.netty", "Redis (Lettuce, Netty)");
        layers.put("io.micrometer", "Micrometer (metrics, observations)");
        layers.put("com.nimbusds", "Nimbus (JWT)");
        layers.put("sun.security", "JDK crypto");
        layers.put("com.github.benmanes.caffeine", "Caffeine");
        layers.put("org.springframework", "Spring (other)");
        return layers;
    }
}
