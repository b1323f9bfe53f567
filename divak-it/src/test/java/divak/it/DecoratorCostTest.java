package divak.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import divak.Divak;
import divak.Sampler;
import divak.Scope;
import divak.Span;
import divak.it.shop.Divak_OrderResource;
import divak.it.shop.Divak_PricingService;
import divak.it.shop.PricingService;
import divak.it.shop.Priority;
import divak.report.FinishedSpan;
import divak.report.InMemoryReporter;
import divak.report.Reporter;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * What the generated decorators of {@code divak.it.shop} do outside a container: an unsampled
 * call allocates nothing (measured by the JVM's count of the bytes this thread allocated, not by
 * time), and a tag conversion runs only when the span records, inside the {@code try}.
 */
class DecoratorCostTest {
  private static final int CALLS = 200_000;

  @Test
  void unsampledCallsAllocateNothing() {
    Divak divak = Divak.builder().serviceName("unsampled").sampler(Sampler.never()).build();
    Span server = divak.startSpan("GET /orders/count", Span.Kind.SERVER);
    assertThat(server.isNoop()).isTrue();
    assertThat(server.context().hasIds()).as("unsampled requests still carry ids").isTrue();
    Divak_OrderResource resource = new Divak_OrderResource();
    PricingService service = new Divak_PricingService();
    Integer limit = 5;
    Object item = new Object();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    Scope scope = divak.withSpan(server);
    try {
      long sink = 0;
      for (int i = 0; i < CALLS; i++) sink += calls(resource, service, limit, item);
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < CALLS; i++) sink += calls(resource, service, limit, item);
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;

      assertThat(sink).isPositive();
      // 3 traced calls each time: a wrapper object per call would be megabytes.
      assertThat(allocated).as("bytes allocated by %,d unsampled traced calls", 3 * CALLS)
          .isLessThan(4096);
      assertThat(divak.currentSpan()).isSameAs(server);
    } finally {
      scope.close();
      divak.close();
    }
  }

  /** A resource method with enum and boxed tags, a service method with an object tag, and one with numbers. */
  private static long calls(Divak_OrderResource resource, PricingService service, Integer limit, Object item) {
    long n = resource.count((short) 2, true, 0.5, Priority.HIGH, limit);
    n += service.describe(item).length();
    n += (long) service.quote("sku", 3);
    return n;
  }

  @Test
  void aThrowingTagConversionEndsTheSpanItStarted() {
    InMemoryReporter reporter = Reporter.inMemory();
    Divak divak = Divak.builder().serviceName("sampled").reporter(reporter).build();
    Span root = divak.startSpan("root");
    Object broken = new Object() {
      @Override
      public String toString() {
        throw new IllegalStateException("no text");
      }
    };

    Scope scope = divak.withSpan(root);
    try {
      assertThat(new Divak_PricingService().describe("sku-1")).isEqualTo("an item");
      assertThatThrownBy(() -> new Divak_PricingService().describe(broken))
          .isInstanceOf(IllegalStateException.class).hasMessage("no text");
      assertThat(divak.currentSpan()).as("the scope was closed").isSameAs(root);
    } finally {
      scope.close();
      divak.close();
    }

    assertThat(reporter.spans()).hasSize(2).allSatisfy(span -> {
      assertThat(span.name()).isEqualTo("PricingService.describe");
      assertThat(span.context().parentId()).isEqualTo(root.context().spanId());
    });
    FinishedSpan tagged = reporter.spans().get(0);
    FinishedSpan failed = reporter.spans().get(1);
    assertThat(tagged.tag("item")).isEqualTo("sku-1");
    assertThat(failed.tag("item")).isNull();
    assertThat(failed.error()).isInstanceOf(IllegalStateException.class).hasMessage("no text");
  }
}
