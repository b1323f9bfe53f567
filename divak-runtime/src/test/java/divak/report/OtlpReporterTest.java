package divak.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What {@link OtlpReporter}'s builder accepts, and the counts when spans cannot be queued. */
class OtlpReporterTest {

  @Test
  void endpoints() {
    OtlpReporter base = OtlpReporter.create("http://127.0.0.1:4318/");
    OtlpReporter full = OtlpReporter.builderForTracesUrl("https://c.example/custom/traces").build();
    try {
      assertThat(base.endpoint()).hasToString("http://127.0.0.1:4318/v1/traces");
      assertThat(full.endpoint()).hasToString("https://c.example/custom/traces");
    } finally {
      base.close();
      full.close();
    }
    assertThatThrownBy(() -> OtlpReporter.create("localhost:4318"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endpoint should be an http or https URL");
    assertThatThrownBy(() -> OtlpReporter.create(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void settingsAreCheckedWhenGiven() {
    OtlpReporter.Builder b = OtlpReporter.builder("http://127.0.0.1:4318");
    assertThatThrownBy(() -> b.compression("zstd"))
        .hasMessage("compression should be gzip or none: was 'zstd'");
    assertThatThrownBy(() -> b.header("Host", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("header 'Host' cannot be sent");
    assertThatThrownBy(() -> b.timeout(Duration.ZERO))
        .hasMessage("timeout should be positive: was PT0S");
    assertThatThrownBy(() -> b.messageMaxBytes(10))
        .hasMessage("messageMaxBytes should be at least 64: was 10");
  }

  @Test
  void aSpanLargerThanAMessage_andSpansAfterClose_areDroppedAndCounted() {
    OtlpReporter reporter = OtlpReporter.builder("http://127.0.0.1:9") // nothing is sent
        .messageMaxBytes(256).messageTimeout(Duration.ofMinutes(10)).build();
    reporter.report(SpanData.span().ids(0, 1, 0, 2).name("x".repeat(1000)));
    assertThat(reporter.spansDropped()).isEqualTo(1);
    assertThat(reporter.queuedSpans()).isZero();
    reporter.close();
    reporter.report(SpanData.span().ids(0, 1, 0, 3).name("late"));
    assertThat(reporter.spansDropped()).isEqualTo(2);
    assertThat(reporter.spansReported() + reporter.spansFailed()).isZero();
  }
}
