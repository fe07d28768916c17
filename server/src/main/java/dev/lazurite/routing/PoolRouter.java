package dev.lazurite.routing;

import dev.lazurite.error.ApiException;
import dev.lazurite.error.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Chooses the backends of a pool for one request: those the deployment type may use (data residency
 * is enforced, not advised) and whose breakers let it through, lower priority first and by weight
 * among equals. A backend that fails before answering (429, 5xx, timeout, unreachable) is recorded
 * and the next one tried; the last failure reaches the client only when none is left. Failures
 * inside a stream that has started are not retried here: a stream is never replayed. With latency
 * failover on, a backend whose recent time to first byte is over the threshold is tried last.
 */
public final class PoolRouter {
  private static final Set<ErrorCode> RETRIABLE =
      Set.of(
          ErrorCode.UPSTREAM_RATE_LIMITED,
          ErrorCode.UPSTREAM_ERROR,
          ErrorCode.TIMEOUT,
          ErrorCode.INTERNAL,
          ErrorCode.SERVICE_UNAVAILABLE);

  private PoolRouter() {}

  /** What a backend answered and which member answered it. */
  public record Served<T>(T answer, PoolMember member) {}

  /**
   * @param deadline how long after the first attempt a further backend may still be tried; the
   *     attempt in flight is bounded by the upstream timeouts
   */
  public static <T> Served<T> call(
      List<PoolMember> pool,
      String sku,
      String accountRegion,
      Duration deadline,
      Function<PoolMember, T> call) {
    ApiException last = null;
    long giveUpAt = System.nanoTime() + deadline.toNanos();
    for (PoolMember member : order(pool, sku, accountRegion)) {
      if (last != null && System.nanoTime() - giveUpAt > 0) {
        break;
      }
      if (!member.breaker().tryAcquire()) {
        continue;
      }
      long started = System.nanoTime();
      try {
        T answer = call.apply(member);
        member.latency().record(Duration.ofNanos(System.nanoTime() - started));
        member.breaker().recordSuccess();
        return new Served<>(answer, member);
      } catch (ApiException e) {
        if (!RETRIABLE.contains(e.errorCode())) {
          member.breaker().recordSuccess();
          throw e;
        }
        member.breaker().recordFailure(retryAfter(e));
        last = e;
      }
    }
    throw last != null ? last : ApiException.of(ErrorCode.SERVICE_UNAVAILABLE_NO_BACKEND);
  }

  static List<PoolMember> order(List<PoolMember> pool, String sku, String accountRegion) {
    List<PoolMember> eligible = new ArrayList<>();
    for (PoolMember member : pool) {
      if (Regions.eligible(sku, accountRegion, member.region())) {
        eligible.add(member);
      }
    }
    // Weighted random order among equal priorities: each member's key is -ln(u) / weight.
    var random = ThreadLocalRandom.current();
    List<double[]> keyed = new ArrayList<>();
    for (int i = 0; i < eligible.size(); i++) {
      keyed.add(
          new double[] {
            eligible.get(i).priority(),
            -Math.log(1 - random.nextDouble()) / eligible.get(i).weight(),
            i
          });
    }
    keyed.sort(Comparator.<double[]>comparingDouble(k -> k[0]).thenComparingDouble(k -> k[1]));
    List<PoolMember> ordered = new ArrayList<>();
    List<PoolMember> slow = new ArrayList<>();
    keyed.forEach(
        k -> {
          PoolMember member = eligible.get((int) k[2]);
          (member.latency().slow() ? slow : ordered).add(member);
        });
    // A backend slower than the latency threshold is tried after all the others.
    ordered.addAll(slow);
    return ordered;
  }

  private static Duration retryAfter(ApiException e) {
    String header = e.headers().getOrDefault("Retry-After", "");
    try {
      return header.isEmpty() ? Duration.ZERO : Duration.ofSeconds(Long.parseLong(header.strip()));
    } catch (NumberFormatException ignored) {
      return Duration.ZERO;
    }
  }
}
