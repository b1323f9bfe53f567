package divak.propagation;

import divak.TraceContext;

/**
 * A header format for trace context: reads it from an incoming request and writes it onto an
 * outgoing one. Transport-neutral: the carrier is any object, read through a {@link Getter} and
 * written through a {@link Setter}, so that no wrapper is allocated per request.
 */
public interface Propagation {

  /**
   * The context in {@code carrier}, or null when the headers are absent or malformed. Never
   * throws. A context with no ids but a sampling decision is returned for formats that carry one
   * alone (B3 {@code b3: 0}).
   */
  <C> TraceContext extract(C carrier, Getter<C> getter);

  /** Writes {@code context}'s ids and sampling decision onto {@code carrier}. */
  <C> void inject(TraceContext context, C carrier, Setter<C> setter);

  /** Reads one header; {@code name} must be matched case-insensitively; null when absent. */
  @FunctionalInterface
  interface Getter<C> {
    String get(C carrier, String name);
  }

  /** Writes one header, replacing any earlier value of that name. */
  @FunctionalInterface
  interface Setter<C> {
    void set(C carrier, String name, String value);
  }
}
