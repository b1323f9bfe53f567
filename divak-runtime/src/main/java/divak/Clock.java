package divak;

import java.time.Instant;

/** The source of span timestamps, in epoch microseconds. Replace it in tests. */
@FunctionalInterface
public interface Clock {

  /** The current time in microseconds since the epoch. */
  long currentTimeMicros();

  /**
   * The default clock: reads the wall clock once, with microsecond precision, and then adds
   * {@link System#nanoTime()} offsets, so that durations are monotonic and precise.
   */
  static Clock system() {
    return new AnchoredClock();
  }
}

/** Wall clock read once, then monotonic offsets. */
final class AnchoredClock implements Clock {
  private final long baseEpochMicros;
  private final long baseNanos;

  AnchoredClock() {
    Instant now = Instant.now();
    this.baseNanos = System.nanoTime();
    this.baseEpochMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  @Override
  public long currentTimeMicros() {
    return baseEpochMicros + (System.nanoTime() - baseNanos) / 1_000;
  }

  @Override
  public String toString() {
    return "Clock.system()";
  }
}
