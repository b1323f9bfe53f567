package divak.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The metrics of one route of a server ({@code GET /orders/{id}}) or one target of a client: a
 * handle to look up once and keep, so that recording a request is a short scan and a few striped
 * increments, with no lock and no allocation.
 *
 * <p>Obtained from {@link Metrics#server} or {@link Metrics#client}. Safe for use by any number
 * of threads.
 */
public final class Route {
  private static final VarHandle SERIES;
  private static final Series[] NONE = new Series[0];

  static {
    try {
      SERIES = MethodHandles.lookup().findVarHandle(Route.class, "series", Series[].class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Metrics metrics;
  final Direction direction;
  final String method;
  final String target;
  private final boolean refused;
  // One series per status seen, copied on write: a route sees a handful of statuses, and a new
  // one is rare, so readers scan a small array that never changes under them.
  private volatile Series[] series = NONE;

  Route(Metrics metrics, Direction direction, String method, String target, boolean refused) {
    this.metrics = metrics;
    this.direction = direction;
    this.method = method;
    this.target = target;
    this.refused = refused;
  }

  /**
   * Records one request or call: its status (a value outside 100–599, such as 0 for a call that
   * got no response, is recorded as {@code 0}), its duration in nanoseconds (negative counts as
   * 0) and whether it failed. A status counts as an error by itself as OpenTelemetry's HTTP
   * conventions say: on a server route a 5xx; on a client target a 4xx or 5xx, and 0 (no
   * response, or a status that is not HTTP's).
   */
  public void record(int status, long durationNanos, boolean error) {
    if (refused) {
      metrics.refuse();
      return;
    }
    int s = status >= 100 && status <= 599 ? status : 0;
    boolean failed = error || direction.failedBy(s);
    for (Series each : series) {
      if (each.status == s) {
        each.record(durationNanos, failed);
        return;
      }
    }
    Series added = add(s);
    if (added == null) {
      metrics.refuse();
    } else {
      added.record(durationNanos, failed);
    }
  }

  /** The method label: the request method, or {@code _OTHER} for a method outside HTTP's. */
  public String method() {
    return method;
  }

  /** The route template of a server route, or the host of a client target. */
  public String target() {
    return target;
  }

  /** True when the series limit was reached before this route was seen: it records nothing. */
  public boolean isRefused() {
    return refused;
  }

  Series[] series() {
    return series;
  }

  private @Nullable Series add(int status) {
    while (true) {
      Series[] current = series;
      for (Series each : current) {
        if (each.status == status) return each;
      }
      if (!metrics.reserveSeries()) return null;
      Series[] grown = Arrays.copyOf(current, current.length + 1);
      grown[current.length] = new Series(status);
      if (SERIES.compareAndSet(this, current, grown)) return grown[current.length];
      metrics.releaseSeries(); // another thread added a series first; look again
    }
  }

  @Override
  public String toString() {
    return "Route{" + direction + " " + method + " " + target + (refused ? " refused" : "") + "}";
  }
}
