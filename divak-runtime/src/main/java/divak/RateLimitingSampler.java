package divak;

import java.util.concurrent.atomic.AtomicLong;

/**
 * At most N traces a second. One atomic holds the current second and the count used in it, so a
 * decision is one read and, when sampled, one compare-and-set.
 */
final class RateLimitingSampler extends Sampler {
  private final int tracesPerSecond;
  private final AtomicLong secondAndCount = new AtomicLong();

  RateLimitingSampler(int tracesPerSecond) {
    this.tracesPerSecond = tracesPerSecond;
  }

  @Override
  public boolean isSampled(long traceId) {
    long second = System.nanoTime() / 1_000_000_000L;
    while (true) {
      long current = secondAndCount.get();
      long currentSecond = current >>> 32;
      int used = (int) current;
      long next;
      if (currentSecond != (second & 0xffffffffL)) {
        next = (second << 32) | 1;
      } else if (used < tracesPerSecond) {
        next = current + 1;
      } else {
        return false;
      }
      if (secondAndCount.compareAndSet(current, next)) return true;
    }
  }

  @Override
  public String toString() {
    return "Sampler.rateLimited(" + tracesPerSecond + ")";
  }
}
