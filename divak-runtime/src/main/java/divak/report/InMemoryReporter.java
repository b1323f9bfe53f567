package divak.report;

import java.util.ArrayList;
import java.util.List;

/** Keeps every finished span in a list, in the order finished. Meant for tests. */
public final class InMemoryReporter implements Reporter {
  private final List<FinishedSpan> spans = new ArrayList<>();

  InMemoryReporter() {
  }

  @Override
  public synchronized void report(FinishedSpan span) {
    spans.add(span);
  }

  /** A copy of the spans reported so far. */
  public synchronized List<FinishedSpan> spans() {
    return new ArrayList<>(spans);
  }

  /** Forgets the spans reported so far. */
  public synchronized void clear() {
    spans.clear();
  }

  @Override
  public String toString() {
    return "Reporter.inMemory()";
  }
}
