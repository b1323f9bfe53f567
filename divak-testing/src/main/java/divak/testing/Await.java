package divak.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The one polling helper: waits for something asynchronous with a generous deadline, and never
 * asserts on speed. A slow machine makes a test slower, not red.
 *
 * <pre>{@code
 * Await.until("the span is reported", () -> reporter.spans().size() == 1);
 * FinishedSpan span = Await.value("a CLIENT span", () -> find(reporter, CLIENT), s -> s != null);
 * }</pre>
 *
 * <p>To show that something does <em>not</em> happen, do not wait and look: make something happen
 * after it that is observable (a sentinel request, a flush), await that, then assert.
 */
public final class Await {
  /** How long to wait before failing: long enough for a loaded CI machine. */
  public static final Duration DEADLINE = Duration.ofSeconds(60);

  private static final long POLL_MILLIS = 10;

  /** A value that may not be ready yet; an exception counts as "not yet". */
  @FunctionalInterface
  public interface Probe<T extends @Nullable Object> {
    /** The current value. */
    T get() throws Exception;
  }

  /**
   * Waits until {@code condition} is true.
   *
   * @throws AssertionError naming {@code what}, if it is not true within {@link #DEADLINE}
   */
  public static void until(String what, BooleanSupplier condition) {
    value(what, condition::getAsBoolean, Boolean::booleanValue);
  }

  /**
   * Polls {@code probe} until its value satisfies {@code done}, and returns that value.
   *
   * @throws AssertionError naming {@code what}, with the last value or exception, if no value
   *     satisfies {@code done} within {@link #DEADLINE}
   */
  public static <T extends @Nullable Object> T value(String what, Probe<T> probe,
      Predicate<? super T> done) {
    return value(what, DEADLINE, probe, done);
  }

  /** As {@link #value(String, Probe, Predicate)}, with a deadline of {@code within}. */
  public static <T extends @Nullable Object> T value(String what, Duration within, Probe<T> probe,
      Predicate<? super T> done) {
    long deadline = System.nanoTime() + within.toNanos();
    T last = null;
    Exception failure = null;
    while (true) {
      try {
        last = probe.get();
        failure = null;
        if (done.test(last)) return last;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for: " + what, e);
      } catch (Exception e) {
        failure = e;
      }
      if (System.nanoTime() - deadline > 0) {
        AssertionError error = new AssertionError("not within " + within.toSeconds() + " s: "
            + what + (failure != null ? "; last attempt threw " + failure : "; last value: " + last));
        if (failure != null) error.initCause(failure);
        throw error;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for: " + what, e);
      }
    }
  }

  private Await() {
  }
}
