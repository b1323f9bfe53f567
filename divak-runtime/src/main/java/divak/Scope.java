package divak;

/** Ends the period in which a span is current on this thread and restores the one before it. */
@FunctionalInterface
public interface Scope extends AutoCloseable {
  /** A scope that restores nothing. */
  Scope NOOP = () -> { };

  @Override
  void close();
}
