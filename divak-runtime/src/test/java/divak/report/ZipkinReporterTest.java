package divak.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import divak.Span;
import divak.testing.Await;
import divak.testing.ZipkinSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZipkinReporterTest {
  /** A request timeout longer than any test holds the collector. */
  static final Duration HELD = Duration.ofMinutes(2);

  private final ZipkinSink sink = ZipkinSink.start();
  private final List<ZipkinReporter> reporters = new ArrayList<>();

  @AfterEach
  void stop() {
    sink.release();
    reporters.forEach(ZipkinReporter::close);
    sink.close();
  }

  private ZipkinReporter track(ZipkinReporter reporter) {
    reporters.add(reporter);
    return reporter;
  }

  static SpanData span(int i) {
    return SpanData.span().ids(0x1234L, 0x5678L, 0x9abcL, i + 1).kind(Span.Kind.SERVER)
        .name("get /orders/{id}").serviceName("orders").timestamp(1_700_000_000_000_000L + i)
        .duration(10 + i).tag("http.method", "GET").tag("http.path", "/orders/" + i)
        .tag("span.index", Integer.toString(i));
  }

  @Test
  void createAppendsSpansToTheBaseUrl() {
    assertThat(track(ZipkinReporter.create("http://127.0.0.1:9411/api/v2")))
        .hasToString("ZipkinReporter{http://127.0.0.1:9411/api/v2/spans}");
    assertThat(track(ZipkinReporter.create("http://127.0.0.1:9411/api/v2/")))
        .hasToString("ZipkinReporter{http://127.0.0.1:9411/api/v2/spans}");
  }

  @Test
  void rejectsWhatIsNotAnHttpUrl() {
    assertThatThrownBy(() -> ZipkinReporter.create(null))
        .isInstanceOf(NullPointerException.class).hasMessage("baseUrl == null");
    assertThatThrownBy(() -> ZipkinReporter.create("ftp://127.0.0.1/api/v2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http or https").hasMessageContaining("ftp://127.0.0.1/api/v2");
    assertThatThrownBy(() -> ZipkinReporter.create("127.0.0.1:9411"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.0.0.1:9411");
    assertThatThrownBy(() -> ZipkinReporter.create("http://bad host/api"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://bad host/api");
  }

  @Test
  void builderNamesTheBadValue() {
    ZipkinReporter.Builder b = ZipkinReporter.builder(sink.baseUrl());
    assertThatThrownBy(() -> b.queuedMaxSpans(0)).hasMessage("queuedMaxSpans should be positive: was 0");
    assertThatThrownBy(() -> b.queuedMaxBytes(-1)).hasMessage("queuedMaxBytes should be positive: was -1");
    assertThatThrownBy(() -> b.messageMaxBytes(10)).hasMessage("messageMaxBytes should be at least 64: was 10");
    assertThatThrownBy(() -> b.messageTimeout(Duration.ZERO)).hasMessage("messageTimeout should be positive: was PT0S");
    assertThatThrownBy(() -> b.connectTimeout(null)).hasMessage("connectTimeout == null");
    assertThatThrownBy(() -> b.requestTimeout(Duration.ofSeconds(-1))).hasMessage("requestTimeout should be positive: was PT-1S");
    assertThatThrownBy(() -> b.closeTimeout(Duration.ofMillis(-1))).hasMessage("closeTimeout should not be negative: was PT-0.001S");
  }

  @Test
  void flushSendsWhatIsQueued() {
    ZipkinReporter reporter = track(ZipkinReporter.builder(sink.baseUrl())
        .messageTimeout(Duration.ofHours(1)).build());
    for (int i = 0; i < 3; i++) reporter.report(span(i));

    reporter.flush();

    assertThat(sink.spans()).containsExactlyInAnyOrder(
        Zipkin2Spans.expected(span(0)), Zipkin2Spans.expected(span(1)), Zipkin2Spans.expected(span(2)));
    assertThat(reporter.spansReported()).isEqualTo(3);
    assertThat(reporter.spansDropped()).isZero();
    assertThat(reporter.spansFailed()).isZero();
    assertThat(reporter.queuedSpans()).isZero();
    assertThat(reporter.queuedBytes()).isZero();
  }

  @Test
  void sendsOnTheIntervalWithoutAFlush() {
    ZipkinReporter reporter = track(ZipkinReporter.builder(sink.baseUrl())
        .messageTimeout(Duration.ofMillis(50)).build());

    reporter.report(span(1));

    Await.until("the span arrives", () -> sink.spans().size() == 1);
    Await.until("the span is counted", () -> reporter.spansReported() == 1);
  }

  @Test
  void sendsAsSoonAsAMessageIsFull_andNoMessageIsLarger() {
    int messageMaxBytes = 4 * ZipkinJson.encode(span(0)).length;
    ZipkinReporter reporter = track(ZipkinReporter.builder(sink.baseUrl())
        .messageMaxBytes(messageMaxBytes).messageTimeout(Duration.ofHours(1)).build());

    for (int i = 0; i < 100; i++) reporter.report(span(i));

    // Full messages go without a flush; the interval is an hour.
    Await.until("full messages arrive", () -> sink.spans().size() >= 90);
    reporter.flush();
    assertThat(sink.spans()).hasSize(100);
    assertThat(sink.requests()).isGreaterThanOrEqualTo(100 / 4);
    assertThat(sink.largestBody()).isLessThanOrEqualTo(messageMaxBytes);
    assertThat(sink.malformed()).isZero();
  }

  @Test
  void dropsASpanLargerThanAMessage() {
    ZipkinReporter reporter = track(ZipkinReporter.builder(sink.baseUrl())
        .messageMaxBytes(1024).build());

    reporter.report(span(1).tag("big", "x".repeat(2000)));
    reporter.report(span(2));
    reporter.flush();

    assertThat(reporter.spansDropped()).isEqualTo(1);
    assertThat(reporter.spansReported()).isEqualTo(1);
    assertThat(sink.spans()).containsExactly(Zipkin2Spans.expected(span(2)));
  }

  @Test
  void dropsWhatDoesNotFitInTheQueue() throws InterruptedException {
    sink.hold();
    ZipkinReporter reporter = track(ZipkinReporter.builder(sink.baseUrl())
        .queuedMaxSpans(10).messageTimeout(Duration.ofMillis(10))
        .requestTimeout(HELD).closeTimeout(Duration.ofSeconds(30)).build());
    reporter.report(span(0));
    // The first span is in flight and the collector holds it: the queue can only fill up.
    assertThat(sink.awaitRequest(60)).isTrue();

    for (int i = 1; i <= 100; i++) reporter.report(span(i));

    assertThat(reporter.queuedSpans()).isEqualTo(10);
    assertThat(reporter.spansDropped()).isEqualTo(90);
    sink.release();
    reporter.close();
    assertThat(reporter.spansReported()).isEqualTo(11);
    assertThat(sink.spans()).hasSize(11);
  }

  @Test
  void boundsTheQueueByBytes() throws InterruptedException {
    int spanBytes = ZipkinJson.encode(span(0)).length;
    sink.hold();
    ZipkinReporter reporter = track(ZipkinReporter.builder(sink.baseUrl())
        .queuedMaxBytes(5 * spanBytes + 3).messageTimeout(Duration.ofMillis(10))
        .requestTimeout(HELD).closeTimeout(Duration.ofSeconds(30)).build());
    reporter.report(span(0));
    assertThat(sink.awaitRequest(60)).isTrue();

    for (int i = 1; i <= 100; i++) reporter.report(span(i));

    assertThat(reporter.queuedSpans()).isEqualTo(5);
    assertThat(reporter.queuedBytes()).isLessThanOrEqualTo(5L * spanBytes + 3);
    assertThat(reporter.queuedBytesHighWaterMark()).isLessThanOrEqualTo(5L * spanBytes + 3);
    assertThat(reporter.spansDropped()).isEqualTo(95);
  }

  @Test
  void closeSendsEveryQueuedBatch() throws Exception {
    sink.hold();
    ZipkinReporter reporter = track(ZipkinReporter.builder(sink.baseUrl())
        .messageTimeout(Duration.ofMillis(10)).requestTimeout(HELD)
        .closeTimeout(Duration.ofSeconds(60)).build());
    reporter.report(span(0));
    assertThat(sink.awaitRequest(60)).isTrue(); // the sender is stuck on the first span

    for (int i = 1; i < 5_000; i++) reporter.report(span(i));
    assertThat(reporter.queuedSpans()).isEqualTo(4_999);
    assertThat(reporter.queuedBytes()).isGreaterThan(2 * 500 * 1024); // more than two messages
    Thread closing = new Thread(reporter::close);
    closing.start();
    sink.release();
    closing.join();

    assertThat(sink.spans()).hasSize(5_000);
    assertThat(sink.spans().stream().map(s -> s.tags().get("span.index")).distinct()).hasSize(5_000);
    assertThat(sink.requests()).isGreaterThanOrEqualTo(4); // one span, then three or more batches
    assertThat(reporter.spansReported()).isEqualTo(5_000);
    assertThat(reporter.spansDropped()).isZero();
    assertThat(reporter.spansFailed()).isZero();
  }

  @Test
  void spansReportedAfterCloseAreDropped() {
    ZipkinReporter reporter = track(ZipkinReporter.create(sink.baseUrl()));
    reporter.report(span(1));
    reporter.close();

    reporter.report(span(2));
    reporter.flush();
    reporter.close();

    assertThat(reporter.spansReported()).isEqualTo(1);
    assertThat(reporter.spansDropped()).isEqualTo(1);
    assertThat(sink.spans()).containsExactly(Zipkin2Spans.expected(span(1)));
  }

  @Test
  void countsAnErrorAnswerAsFailed() {
    ZipkinReporter reporter = track(ZipkinReporter.create(sink.baseUrl() + "/not-there"));

    reporter.report(span(1));
    reporter.close();

    assertThat(reporter.spansFailed()).isEqualTo(1);
    assertThat(reporter.spansReported()).isZero();
  }
}
