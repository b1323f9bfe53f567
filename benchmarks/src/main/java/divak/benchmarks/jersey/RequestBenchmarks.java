package divak.benchmarks.jersey;

import divak.Divak;
import divak.Sampler;
import divak.jaxrs.DivakFeature;
import divak.report.FinishedSpan;
import divak.report.Reporter;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.security.Principal;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.LoggerFactory;

/**
 * Row 5: one {@code GET /orders/4711} through Jersey's {@link ApplicationHandler}, in process (no
 * HTTP server, no sockets): the request is a {@link ContainerRequest} built here, the response
 * is written to memory. The same request, with the same headers (a W3C {@code traceparent}, no
 * {@code Request-Id}), goes to three applications:
 *
 * <ul>
 *   <li>{@code untraced}: {@link OrderResource} alone, no divak;
 *   <li>{@code divakSampled}: {@link DivakFeature} with its defaults and the generated {@code
 *       DivakResources}, whose {@code Divak_OrderResource} tags the span; the caller sampled the
 *       trace ({@code -01}), spans go to a reporter that counts. The defaults are on: a Request-Id
 *       generated (the caller sent none), the ids in the MDC, the request metrics, and the access
 *       line written through logback to a file, set up as the README recommends (see {@code
 *       logback.xml});
 *   <li>{@code divakUnsampled}: the same, but the caller did not sample ({@code -00}) and the
 *       sampler is {@code never()}: ids, Request-Id, MDC, metrics and access line still, no span
 *       recorded.
 * </ul>
 *
 * <p>{@code @Setup} sends requests and checks the answer (200, the id as the body), a Request-Id
 * generated when divak is on, the access logger enabled, and the spans: one per request, named
 * after the route, tagged by the decorator, a child of the caller's span; none when unsampled.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequestBenchmarks {
  static final URI BASE = URI.create("http://localhost/");
  static final URI REQUEST = URI.create("http://localhost/orders/4711");
  static final String TRACE_ID_HEX = "463ac35c9f6413ad48485a3953bb6124";
  static final String PARENT_SPAN_ID_HEX = "a2fb4a1d1a96d312";
  static final int CHECK_REQUESTS = 200;

  @Benchmark
  public ContainerResponse untraced(Untraced s) throws Exception {
    return s.get();
  }

  @Benchmark
  public ContainerResponse divakSampled(DivakSampled s) throws Exception {
    return s.get();
  }

  @Benchmark
  public ContainerResponse divakUnsampled(DivakUnsampled s) throws Exception {
    return s.get();
  }

  /** An application and the request sent to it. */
  @State(Scope.Thread)
  public abstract static class App {
    ApplicationHandler handler;
    String traceparent;

    abstract ResourceConfig config();

    ContainerResponse get() throws InterruptedException, ExecutionException {
      ContainerRequest request = new ContainerRequest(BASE, REQUEST, "GET", NO_USER,
          new MapPropertiesDelegate(), handler.getConfiguration());
      request.header("traceparent", traceparent);
      request.header("Accept", "text/plain");
      return handler.apply(request).get();
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      handler = new ApplicationHandler(config());
      for (int i = 0; i < CHECK_REQUESTS; i++) {
        ContainerResponse response = get();
        check(response.getStatus() == 200, "status " + response.getStatus());
        check("4711".equals(response.getEntity()), "entity " + response.getEntity());
        checkResponse(response);
      }
      checkSpans(CHECK_REQUESTS);
    }

    void checkResponse(ContainerResponse response) {
      String requestId = response.getHeaderString("Request-Id");
      check(requestId != null && requestId.length() == 36, "Request-Id generated: " + requestId);
    }

    abstract void checkSpans(long requests);
  }

  public static class Untraced extends App {
    @Override
    ResourceConfig config() {
      traceparent = "00-" + TRACE_ID_HEX + "-" + PARENT_SPAN_ID_HEX + "-01";
      return new ResourceConfig(OrderResource.class);
    }

    @Override
    void checkResponse(ContainerResponse response) {
      check(response.getHeaderString("Request-Id") == null, "no divak without divak");
    }

    @Override
    void checkSpans(long requests) {
    }
  }

  /** DivakFeature and the generated resources, sampled or not. */
  public abstract static class Traced extends App {
    final CountingReporter reporter = new CountingReporter();
    Divak divak;

    abstract boolean sampled();

    @Override
    ResourceConfig config() {
      traceparent = "00-" + TRACE_ID_HEX + "-" + PARENT_SPAN_ID_HEX + (sampled() ? "-01" : "-00");
      divak = Divak.builder()
          .serviceName("orders")
          .sampler(sampled() ? Sampler.always() : Sampler.never())
          .reporter(reporter)
          .build();
      ResourceConfig config = new ResourceConfig();
      config.register(new DivakFeature(divak));
      config.register(DivakResources.class);
      check(LoggerFactory.getLogger("divak.access").isInfoEnabled(),
          "the access log is on (logger divak.access at INFO in logback.xml)");
      return config;
    }

    @Override
    void checkSpans(long requests) {
      if (!sampled()) {
        check(reporter.count == 0, "unsampled requests reported " + reporter.count + " spans");
        return;
      }
      check(reporter.count == requests, "reported " + reporter.count + " of " + requests);
      FinishedSpan span = reporter.last;
      check("GET /orders/{id}".equals(span.name()), "span name " + span.name());
      check("4711".equals(span.tag("order.id")), "order.id tag " + span.tag("order.id"));
      check(TRACE_ID_HEX.equals(span.context().traceIdString()), "trace id");
      check(PARENT_SPAN_ID_HEX.equals(span.context().parentIdString()), "parent id");
      reporter.count = 0;
    }

    @TearDown(Level.Iteration)
    public void checkIteration() {
      check(sampled() ? reporter.count > 0 : reporter.count == 0,
          "reported " + reporter.count + " spans, sampled=" + sampled());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      divak.close();
    }
  }

  public static class DivakSampled extends Traced {
    @Override
    boolean sampled() {
      return true;
    }
  }

  public static class DivakUnsampled extends Traced {
    @Override
    boolean sampled() {
      return false;
    }
  }

  /** Counts spans; keeps the last one for the checks. */
  static final class CountingReporter implements Reporter {
    long count;
    volatile FinishedSpan last;

    @Override
    public void report(FinishedSpan span) {
      count++;
      last = span;
    }
  }

  static final SecurityContext NO_USER = new SecurityContext() {
    @Override
    public Principal getUserPrincipal() {
      return null;
    }

    @Override
    public boolean isUserInRole(String role) {
      return false;
    }

    @Override
    public boolean isSecure() {
      return false;
    }

    @Override
    public String getAuthenticationScheme() {
      return null;
    }
  };

  static void check(boolean condition, String what) {
    if (!condition) throw new IllegalStateException("benchmark self-check failed: " + what);
  }
}
