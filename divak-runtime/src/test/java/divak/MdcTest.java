package divak;

import static org.assertj.core.api.Assertions.assertThat;

import divak.propagation.Propagation;
import divak.report.InMemoryReporter;
import divak.report.Reporter;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The MDC follows the current span: withSpan, operations and wrapped tasks, restored after. */
class MdcTest {
  final InMemoryReporter reporter = Reporter.inMemory();
  final Divak divak = Divak.builder().serviceName("svc").reporter(reporter).build();
  final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
    divak.close();
    MDC.clear();
  }

  static Map<String, String> ids(Span span) {
    TraceContext c = span.context();
    return c.requestId() == null
        ? Map.of("traceId", c.traceIdString(), "spanId", c.spanIdString())
        : Map.of("traceId", c.traceIdString(), "spanId", c.spanIdString(), "requestId", c.requestId());
  }

  static Map<String, String> mdc() {
    Map<String, String> copy = MDC.getCopyOfContextMap();
    return copy == null ? Map.of() : copy;
  }

  @Test
  void withSpanPutsTheIdsAndRestoresWhatWasThere() {
    MDC.put("traceId", "before");
    MDC.put("other", "kept");
    TraceContext incoming = TraceContext.builder().requestId("rid-1").build();
    Span server = divak.startSpan("GET /x", Span.Kind.SERVER, incoming);

    try (Scope scope = divak.withSpan(server)) {
      assertThat(mdc()).containsAllEntriesOf(ids(server)).containsEntry("requestId", "rid-1")
          .containsEntry("other", "kept");
      try (Operation op = divak.operation("child")) {
        assertThat(mdc()).containsAllEntriesOf(ids(op.span())).containsEntry("requestId", "rid-1");
        assertThat(op.context().spanIdString()).isNotEqualTo(server.context().spanIdString());
      }
      assertThat(mdc()).containsAllEntriesOf(ids(server));
    }

    assertThat(mdc()).isEqualTo(Map.of("traceId", "before", "other", "kept"));
  }

  @Test
  void anUnsampledSpanFillsTheMdcToo() {
    Divak never = Divak.builder().serviceName("s").sampler(Sampler.never()).build();
    Span span = never.startSpan("x", Span.Kind.SERVER, null);

    try (Scope scope = never.withSpan(span)) {
      assertThat(span.isNoop()).isTrue();
      assertThat(mdc()).containsAllEntriesOf(ids(span));
    }
    assertThat(mdc()).isEmpty();
  }

  @Test
  void mdcOffPutsNothingButTheSpanIsStillCurrent() throws Exception {
    Divak off = Divak.builder().serviceName("s").reporter(reporter).mdc(false).build();
    MDC.put("traceId", "before");
    TraceContext incoming = TraceContext.builder().requestId("rid-1").build();
    Span server = off.startSpan("GET /x", Span.Kind.SERVER, incoming);

    try (Scope scope = off.withSpan(server)) {
      assertThat(mdc()).isEqualTo(Map.of("traceId", "before"));
      assertThat(off.currentSpan()).isSameAs(server);
      try (Operation op = off.operation("child")) {
        assertThat(op.context().traceIdString()).isEqualTo(server.context().traceIdString());
        assertThat(mdc()).isEqualTo(Map.of("traceId", "before"));
      }
      assertThat(off.currentSpan()).isSameAs(server);
    }
    assertThat(off.currentSpan().isNoop()).isTrue();
    assertThat(mdc()).isEqualTo(Map.of("traceId", "before"));
    off.close();
  }

  @Test
  void wrappedTasksCarryTheMdcAndLeaveThePoolThreadAsTheyFoundIt() throws Exception {
    AtomicReference<Map<String, String>> inside = new AtomicReference<>();
    pool.submit(() -> MDC.put("spanId", "pool-thread")).get();
    ExecutorService wrapped = divak.wrap(pool);
    Span span;
    try (Operation op = divak.operation("submitter")) {
      span = op.span();
      wrapped.submit(() -> inside.set(mdc())).get();
    }

    assertThat(inside.get()).containsAllEntriesOf(ids(span));
    assertThat(pool.submit(MdcTest::mdc).get()).isEqualTo(Map.of("spanId", "pool-thread"));
  }

  /**
   * A task wrapped where no span was current runs on a thread with no current span: nothing
   * changes, and the MDC is left as it is (as Brave's MDC scope decorator does for a no-op scope).
   */
  @Test
  void aTaskWrappedWithNoCurrentSpanLeavesTheMdcAlone() throws Exception {
    pool.submit(() -> MDC.put("other", "kept")).get();

    Map<String, String> seen = pool.submit(divak.wrap(MdcTest::mdc)).get();

    assertThat(seen).isEqualTo(Map.of("other", "kept"));
  }

  /** A task wrapped in a span, run on a thread where another span is current, sees its own. */
  @Test
  void aWrappedTaskReplacesTheIdsOfTheThreadItRunsOn() throws Exception {
    Span other = divak.startSpan("pool-span");
    Span mine = divak.startSpan("mine");
    Scope poolScope = pool.submit(() -> divak.withSpan(other)).get();
    java.util.concurrent.Callable<Map<String, String>> task;
    try (Scope scope = divak.withSpan(mine)) {
      task = divak.wrap(MdcTest::mdc);
    }

    assertThat(pool.submit(task).get()).containsAllEntriesOf(ids(mine));
    assertThat(pool.submit(MdcTest::mdc).get()).containsAllEntriesOf(ids(other));
    pool.submit(poolScope::close).get();
    assertThat(pool.submit(MdcTest::mdc).get()).isEmpty();
  }

  @Test
  void customKeys() {
    Divak custom = Divak.builder().serviceName("s").mdcKeys("t", "s", "r").build();
    Span span = custom.startSpan("x", Span.Kind.SERVER, TraceContext.builder().requestId("rid").build());

    try (Scope scope = custom.withSpan(span)) {
      assertThat(mdc()).containsEntry("t", span.context().traceIdString())
          .containsEntry("s", span.context().spanIdString()).containsEntry("r", "rid")
          .doesNotContainKeys("traceId", "spanId", "requestId");
    }
  }

  @Test
  void chosenBaggageEntriesFollowTheSpanIntoTheMdcAndAreRestored() throws Exception {
    Divak withBaggage = Divak.builder().serviceName("svc").reporter(reporter)
        .propagation(Propagation.w3c(), Propagation.baggage())
        .baggageInMdc("tenant")
        .build();
    Map<String, String> headers = Map.of(
        "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "baggage", "tenant=acme%20corp,secret=not-copied");
    TraceContext incoming = withBaggage.extract(headers, (carrier, key) -> carrier.get(key));
    Span server = withBaggage.startSpan("GET /x", Span.Kind.SERVER, incoming);
    MDC.put("tenant", "before");

    AtomicReference<String> inTask = new AtomicReference<>();
    try (Scope scope = withBaggage.withSpan(server)) {
      assertThat(mdc()).containsEntry("tenant", "acme corp").doesNotContainKey("secret");
      Runnable task = withBaggage.wrap(() -> inTask.set(MDC.get("tenant")));
      pool.submit(task).get();
    }

    assertThat(inTask.get()).as("carried to the other thread").isEqualTo("acme corp");
    assertThat(MDC.get("tenant")).as("restored").isEqualTo("before");
    assertThat(pool.submit(() -> MDC.get("tenant")).get()).as("restored on the pool thread").isNull();
    withBaggage.close();
  }

  @Test
  void baggageInMdcRefusesBlankKeys() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Divak.builder().baggageInMdc(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baggage key");
  }
}
