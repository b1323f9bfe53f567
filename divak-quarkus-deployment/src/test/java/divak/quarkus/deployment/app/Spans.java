package divak.quarkus.deployment.app;

import divak.report.InMemoryReporter;
import divak.report.Reporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Keeps the application's spans in memory: every Reporter bean reaches the tracer. */
@Singleton
public class Spans {
  private final InMemoryReporter reporter = Reporter.inMemory();

  @Produces
  @Singleton
  InMemoryReporter reporter() {
    return reporter;
  }
}
