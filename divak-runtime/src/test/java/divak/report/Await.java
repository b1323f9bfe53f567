package divak.report;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for an asynchronous result with a generous deadline; never asserts on speed. */
final class Await {
  static final Duration DEADLINE = Duration.ofSeconds(60);

  static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for: " + what, e);
      }
    }
  }

  private Await() {
  }
}
