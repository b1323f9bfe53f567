package divak;

import divak.metrics.Metrics;
import divak.report.Reporter;
import divak.report.ZipkinReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The reporters of one {@link Divak}: each finished span goes to all of them, in order. */
final class Reporters {
  private static final Logger LOG = LoggerFactory.getLogger(Divak.class);

  private final Reporter[] reporters;
  private final boolean[] failed;

  Reporters(Reporter[] reporters) {
    this.reporters = reporters;
    this.failed = new boolean[reporters.length];
  }

  /** Hands a finished span to every reporter; a failing reporter is logged once and ignored. */
  void report(RealSpan span) {
    for (int i = 0; i < reporters.length; i++) {
      try {
        reporters[i].report(span);
      } catch (Throwable t) {
        if (!failed[i]) {
          failed[i] = true;
          LOG.warn("reporter {} failed; its later failures are not logged", reporters[i], t);
        }
      }
    }
  }

  /**
   * Puts the span counts of the reporters that keep them in {@code metrics}'s output, labelled
   * {@code zipkin}, {@code zipkin_2}, ... in the order they were added.
   */
  void countIn(Metrics metrics) {
    int zipkin = 0;
    for (Reporter reporter : reporters) {
      if (reporter instanceof ZipkinReporter) {
        ZipkinReporter z = (ZipkinReporter) reporter;
        String name = ++zipkin == 1 ? "zipkin" : "zipkin_" + zipkin;
        metrics.reporter(name, z::spansReported, z::spansDropped, z::spansFailed);
      }
    }
  }

  /** Flushes and closes every reporter; one that fails to close is logged. */
  void close() {
    for (Reporter reporter : reporters) {
      try {
        reporter.close();
      } catch (RuntimeException e) {
        LOG.warn("reporter {} failed to close", reporter, e);
      }
    }
  }
}
