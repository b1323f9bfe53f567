package divak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import divak.report.FinishedSpan;
import divak.report.InMemoryReporter;
import divak.report.Reporter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The current span: operations nest, closing restores, and context crosses threads when wrapped. */
class ContextTest {
  final InMemoryReporter reporter = Reporter.inMemory();
  final Divak divak = Divak.builder().serviceName("svc").reporter(reporter).build();
  final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
    divak.close();
  }

  @Test
  void noSpanIsCurrentOutsideOperations() {
    assertThat(divak.currentSpan()).isSameAs(Span.NOOP);
    assertThat(divak.currentSpan().isNoop()).isTrue();
  }

  @Test
  void theNoopSpanAsAParentStartsANewTraceThatTheSamplerDecides() {
    Span span = divak.startSpan("root", Span.Kind.CLIENT, divak.currentSpan().context());

    assertThat(span.isNoop()).isFalse();
    assertThat(span.context().parentId()).isZero();
  }

  @Test
  void startSpanWithAKindIsAChildOfTheCurrentSpan() {
    try (Operation op = divak.operation("outer")) {
      Span client = divak.startSpan("GET", Span.Kind.CLIENT);
      assertThat(client.context().parentId()).isEqualTo(op.context().spanId());
    }
  }

  @Test
  void anOperationIsCurrentUntilClosedAndItsChildrenNest() {
    TraceContext root;
    TraceContext child;
    try (Operation outer = divak.operation("outer")) {
      root = outer.context();
      assertThat(divak.currentSpan().context()).isEqualTo(root);
      try (Operation inner = divak.operation("inner")) {
        child = inner.context();
        assertThat(divak.currentSpan().context()).isEqualTo(child);
      }
      assertThat(divak.currentSpan().context()).isEqualTo(root);
    }
    assertThat(divak.currentSpan()).isSameAs(Span.NOOP);

    assertThat(child.traceIdString()).isEqualTo(root.traceIdString());
    assertThat(child.parentId()).isEqualTo(root.spanId());
    assertThat(root.parentId()).isZero();
    assertThat(reporter.spans()).extracting(FinishedSpan::name).containsExactly("inner", "outer");
  }

  @Test
  void closingRestoresThePreviousSpanAlsoOnExceptions() {
    try (Operation outer = divak.operation("outer")) {
      assertThatThrownBy(() -> {
        try (Operation inner = divak.operation("inner")) {
          inner.error(new IllegalStateException("no"));
          throw new IllegalStateException("no");
        }
      }).isInstanceOf(IllegalStateException.class);
      assertThat(divak.currentSpan().context()).isEqualTo(outer.context());
    }
    assertThat(reporter.spans().get(0).tag("error")).isEqualTo("no");
  }

  @Test
  void wrappedRunnableAndCallableRunWithTheSpanCurrentAtWrapTime() throws Exception {
    AtomicReference<TraceContext> seen = new AtomicReference<>();
    Runnable runnable;
    Callable<TraceContext> callable;
    TraceContext expected;
    try (Operation op = divak.operation("op")) {
      expected = op.context();
      runnable = divak.wrap(() -> seen.set(divak.currentSpan().context()));
      callable = divak.wrap(() -> divak.currentSpan().context());
    }
    pool.submit(runnable).get(10, TimeUnit.SECONDS);
    assertThat(seen.get()).isEqualTo(expected);
    assertThat(pool.submit(callable).get(10, TimeUnit.SECONDS)).isEqualTo(expected);
    // The worker thread is left as it was.
    assertThat(pool.submit(() -> divak.currentSpan()).get(10, TimeUnit.SECONDS)).isSameAs(Span.NOOP);
  }

  @Test
  void wrappedExecutorsCarryTheSubmittersSpan() throws Exception {
    ExecutorService wrapped = divak.wrap(pool);
    java.util.concurrent.Executor executor = divak.wrap((java.util.concurrent.Executor) pool);
    AtomicReference<TraceContext> fromExecutor = new AtomicReference<>();
    TraceContext expected;
    Future<TraceContext> submitted;
    List<Future<TraceContext>> all;
    try (Operation op = divak.operation("op")) {
      expected = op.context();
      submitted = wrapped.submit(() -> divak.currentSpan().context());
      all = wrapped.invokeAll(List.of(() -> divak.currentSpan().context()));
      executor.execute(() -> fromExecutor.set(divak.currentSpan().context()));
    }
    assertThat(submitted.get(10, TimeUnit.SECONDS)).isEqualTo(expected);
    assertThat(all.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(expected);
    pool.submit(() -> { }).get(10, TimeUnit.SECONDS); // the execute() task ran before this one
    assertThat(fromExecutor.get()).isEqualTo(expected);
  }

  @Test
  void aChildOfARemoteParentJoinsItsTrace() {
    TraceContext remote = TraceContext.builder()
        .traceIdHigh(1).traceId(2).spanId(3).sampled(true).requestId("req-1").build();
    String traceIdHex = remote.traceIdString(); // as the MDC makes them
    String spanIdHex = remote.spanIdString();

    Span span = divak.startSpan("get", Span.Kind.SERVER, remote);
    span.finish();

    TraceContext c = span.context();
    assertThat(c.traceIdHigh()).isEqualTo(1);
    assertThat(c.traceId()).isEqualTo(2);
    assertThat(c.parentId()).isEqualTo(3);
    assertThat(c.spanId()).isNotIn(0L, 3L);
    assertThat(c.requestId()).isEqualTo("req-1");
    assertThat(reporter.spans()).hasSize(1);
    assertThat(c.traceIdString()).as("the parent's string, not formatted again")
        .isEqualTo("00000000000000010000000000000002").isSameAs(traceIdHex);
    assertThat(c.parentIdString()).isSameAs(spanIdHex);
    assertThat(c.spanIdString()).isEqualTo(String.format("%016x", c.spanId()));
  }

  @Test
  void anUpstreamDecisionIsHonoured() {
    Divak sampleNothing = Divak.builder().serviceName("s").sampler(Sampler.never()).reporter(reporter).build();
    Divak sampleAll = Divak.builder().serviceName("s").sampler(Sampler.always()).reporter(reporter).build();
    TraceContext yes = TraceContext.builder().traceId(7).spanId(8).sampled(true).build();
    TraceContext no = TraceContext.builder().traceId(7).spanId(8).sampled(false).build();

    assertThat(sampleNothing.startSpan("a", null, yes).isNoop()).isFalse();
    assertThat(sampleAll.startSpan("b", null, no).isNoop()).isTrue();
  }

  @Test
  void debugForcesSampling() {
    Divak sampleNothing = Divak.builder().serviceName("s").sampler(Sampler.never()).build();
    TraceContext debug = TraceContext.builder().debug(true).build(); // b3: d, no ids

    Span span = sampleNothing.startSpan("a", Span.Kind.SERVER, debug);

    assertThat(span.isNoop()).isFalse();
    assertThat(span.context().debug()).isTrue();
    assertThat(span.context().hasIds()).isTrue();
  }

  @Test
  void anUnsampledChildHasItsOwnSpanIdAndStillCarriesIds() {
    TraceContext no = TraceContext.builder().traceId(7).spanId(8).sampled(false).requestId("r").build();

    Span first = divak.startSpan("a", Span.Kind.SERVER, no);
    Span second = divak.startSpan("b", Span.Kind.SERVER, no);
    first.tag("k", "v").finish();

    assertThat(first.isNoop()).isTrue();
    assertThat(first.context().traceId()).isEqualTo(7);
    assertThat(first.context().parentId()).as("the caller's span is the parent").isEqualTo(8);
    assertThat(first.context().spanId()).as("every hop has its own id, as in Brave and OpenTelemetry")
        .isNotIn(0L, 8L, second.context().spanId());
    assertThat(first.context().sampled()).isFalse();
    assertThat(first.context().requestId()).isEqualTo("r");
    assertThat(reporter.spans()).isEmpty();
  }

  @Test
  void anUnsampledNewTraceStillHasIdsForPropagation() {
    Divak sampleNothing = Divak.builder().serviceName("s").sampler(Sampler.never()).reporter(reporter).build();

    Span span = sampleNothing.startSpan("a", Span.Kind.SERVER, null);
    span.finish();

    assertThat(span.isNoop()).isTrue();
    assertThat(span.context().hasIds()).isTrue();
    assertThat(span.context().sampled()).isFalse();
    assertThat(reporter.spans()).isEmpty();
  }

  @Test
  void operationsUnderAnUnsampledSpanRecordNothingAndRestoreTheCurrentSpan() {
    Divak sampleNothing = Divak.builder().serviceName("s").sampler(Sampler.never()).reporter(reporter).build();
    try (Operation outer = sampleNothing.operation("outer")) {
      try (Operation inner = sampleNothing.operation("inner")) {
        assertThat(inner.span().isNoop()).isTrue();
        assertThat(inner.context().traceId()).isEqualTo(outer.context().traceId());
      }
      assertThat(sampleNothing.currentSpan()).isSameAs(outer.span());
    }
    assertThat(reporter.spans()).isEmpty();
    assertThat(sampleNothing.currentSpan()).isSameAs(Span.NOOP);
  }
}
