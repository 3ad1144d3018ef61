package org.boxoffice.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Real parallel requests: every one on its own virtual thread, released at the same moment. */
public final class AllAtOnce {

    private AllAtOnce() {}

    /** Each buyer sends {@code request} once, all at the same moment; the replies in buyer order. */
    public static List<Api.Reply> send(List<Api> buyers, Function<Api, Api.Reply> request) {
        var requests = new ArrayList<Callable<Api.Reply>>();
        buyers.forEach(buyer -> requests.add(() -> request.apply(buyer)));
        return run(requests);
    }

    /** Starts every request at the same moment on its own virtual thread and waits for all; their results in order. */
    public static <T> List<T> run(List<Callable<T>> requests) {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<T>>();
            for (var request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            var replies = new ArrayList<T>();
            for (var future : futures) {
                replies.add(future.get());
            }
            return replies;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
