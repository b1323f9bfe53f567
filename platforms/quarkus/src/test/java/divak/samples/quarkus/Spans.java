package divak.samples.quarkus;

import divak.Span;
import divak.report.FinishedSpan;
import divak.report.InMemoryReporter;
import divak.report.Reporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The spans the application reports, kept in memory: divak-quarkus adds every {@link Reporter}
 * bean to the application's tracer.
 */
@Singleton
public class Spans {
  private final InMemoryReporter reporter = Reporter.inMemory();

  @Produces
  @Singleton
  InMemoryReporter reporter() {
    return reporter;
  }

  /**
   * The spans of the trace whose SERVER span answered a request with this Request-Id, once that
   * span is reported. The server span ends when the response is written, which can be just after
   * the client has read it; so this waits for it, at most 10 s.
   */
  static List<FinishedSpan> ofRequest(InMemoryReporter reporter, String requestId)
      throws InterruptedException {
    Predicate<FinishedSpan> isServer = s -> s.kind() == Span.Kind.SERVER
        && requestId.equals(s.context().requestId());
    for (int i = 0; i < 200; i++) {
      List<FinishedSpan> spans = reporter.spans();
      FinishedSpan server = spans.stream().filter(isServer).findFirst().orElse(null);
      if (server != null) {
        String traceId = server.context().traceIdString();
        return spans.stream().filter(s -> s.context().traceIdString().equals(traceId))
            .collect(Collectors.toList());
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no SERVER span with Request-Id " + requestId + " in "
        + reporter.spans());
  }
}
