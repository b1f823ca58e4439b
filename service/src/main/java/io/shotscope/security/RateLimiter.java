package io.shotscope.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.shotscope.service.ShotscopeProperties;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * In-memory token buckets (Bucket4j): one per signed-in principal, one per client address, and a
 * smaller one per client address for sign-in attempts. Buckets of callers not seen for a while are
 * forgotten; the number kept is bounded.
 */
final class RateLimiter {

    private static final long MAX_BUCKETS = 100_000;

    private final ShotscopeProperties.RateLimit limits;
    private final Cache<String, Bucket> buckets;

    RateLimiter(ShotscopeProperties.RateLimit limits) {
        this.limits = limits;
        Duration idle = limits.period().compareTo(limits.tokenPeriod()) > 0 ? limits.period() : limits.tokenPeriod();
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_BUCKETS).expireAfterAccess(idle.multipliedBy(2)).build();
    }

    boolean enabled() {
        return limits.enabled();
    }

    /** Empty when the principal may go on; otherwise the seconds to wait. */
    OptionalLong principal(String name) {
        return take("principal:" + name, limits.perPrincipal(), limits.period());
    }

    OptionalLong address(String address) {
        return take("address:" + address, limits.perAddress(), limits.period());
    }

    OptionalLong signIn(String address) {
        return take("sign-in:" + address, limits.tokenPerAddress(), limits.tokenPeriod());
    }

    private OptionalLong take(String key, long capacity, Duration period) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period)).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long seconds = Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1;
        return OptionalLong.of(seconds);
    }
}
