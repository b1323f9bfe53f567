package divak.report;

/**
 * Receives every finished, sampled span. Called on the thread that finished the span, so an
 * implementation must return quickly and must not throw; divak logs and ignores what it throws.
 */
public interface Reporter extends AutoCloseable {

  /** Takes a finished span. */
  void report(FinishedSpan span);

  /** Sends what is buffered; a no-op for reporters that do not buffer. */
  default void flush() {
  }

  /** Flushes and releases resources. */
  @Override
  default void close() {
  }

  /** Writes one Zipkin v2 JSON line per finished span to the SLF4J logger {@code divak.spans}. */
  static Reporter logging() {
    return new LoggingReporter();
  }

  /** Keeps finished spans in memory, for tests. */
  static InMemoryReporter inMemory() {
    return new InMemoryReporter();
  }
}
