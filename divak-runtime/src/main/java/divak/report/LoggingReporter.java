package divak.report;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each finished span as one line of Zipkin v2 JSON at INFO on the logger {@code divak.spans}.
 * Nothing is encoded when that level is off. Control characters in names and tags are escaped,
 * so a span is always exactly one line.
 */
final class LoggingReporter implements Reporter {
  static final String LOGGER_NAME = "divak.spans";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

  @Override
  public void report(FinishedSpan span) {
    if (!LOG.isInfoEnabled()) return;
    LOG.info(new String(ZipkinJson.encode(span), StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Reporter.logging()";
  }
}
