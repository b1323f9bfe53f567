package divak.report;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import divak.Span;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import zipkin2.codec.SpanBytesDecoder;

class LoggingReporterTest {
  private final Logger logger = (Logger) LoggerFactory.getLogger("divak.spans");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private Level levelBefore;

  @BeforeEach
  void attach() {
    levelBefore = logger.getLevel();
    logger.setLevel(Level.INFO);
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void detach() {
    logger.detachAppender(appender);
    logger.setLevel(levelBefore);
  }

  @Test
  void logsOneJsonLinePerSpanAtInfo() {
    SpanData span = SpanData.span().ids(0, 1, 0, 2).kind(Span.Kind.SERVER).name("get /a\nb")
        .serviceName("svc").timestamp(10).duration(3).tag("k", "line1\r\nline2");

    Reporter.logging().report(span);

    assertThat(appender.list).hasSize(1);
    ILoggingEvent event = appender.list.get(0);
    assertThat(event.getLevel()).isEqualTo(Level.INFO);
    assertThat(event.getLoggerName()).isEqualTo("divak.spans");
    String line = event.getFormattedMessage();
    assertThat(line).doesNotContain("\n", "\r");
    assertThat(line.getBytes(StandardCharsets.UTF_8)).isEqualTo(ZipkinJson.encode(span));
    assertThat(SpanBytesDecoder.JSON_V2.decodeOne(line.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(Zipkin2Spans.expected(span));
  }

  @Test
  void logsNothingWhenInfoIsOff() {
    logger.setLevel(Level.WARN);

    Reporter.logging().report(SpanData.span().ids(0, 1, 0, 2));

    assertThat(appender.list).isEmpty();
  }

  @Test
  void saysWhatItIs() {
    assertThat(Reporter.logging()).hasToString("Reporter.logging()");
  }
}
