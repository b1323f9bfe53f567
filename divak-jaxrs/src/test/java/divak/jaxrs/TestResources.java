package divak.jaxrs;

// Long because every resource and provider the container suite serves, so that both containers
// register exactly the same set.

import divak.Divak;
import jakarta.annotation.Priority;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The resources and providers the container tests deploy. */
final class TestResources {
  static final long ASYNC_WORK_MILLIS = 150;

  /** What a resource saw of divak while it ran. */
  record Seen(String path, String thread, String mdcTraceId, String mdcSpanId, String mdcRequestId,
      String currentTraceId, String currentSpanId) {
  }

  @Path("/api")
  @Produces(MediaType.TEXT_PLAIN)
  public static class Api {
    private static final Logger LOG = LoggerFactory.getLogger("test.resource");
    private final Divak divak;
    private final Executor asyncWork = CompletableFuture.delayedExecutor(ASYNC_WORK_MILLIS, TimeUnit.MILLISECONDS);
    final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
    volatile URI downstream; // service B, for /api/call
    volatile Client client;  // with DivakFeature, for /api/call

    Api(Divak divak) {
      this.divak = divak;
    }

    private void see(String path) {
      var context = divak.currentSpan().context();
      seen.add(new Seen(path, Thread.currentThread().getName(), MDC.get("traceId"), MDC.get("spanId"),
          MDC.get("requestId"), context.hasIds() ? context.traceIdString() : null,
          context.hasIds() ? context.spanIdString() : null));
    }

    @GET
    @Path("hello")
    public String hello() {
      see("hello");
      LOG.info("hello from the resource");
      return "hello";
    }

    @GET
    @Path("/orders/{id: [0-9]+}/")
    public String order(@PathParam("id") String id) {
      see("orders");
      return "order " + id;
    }

    @GET
    @Path("boom")
    public String boom() {
      see("boom");
      LOG.info("about to fail");
      throw new IllegalStateException("boom");
    }

    @GET
    @Path("mapped")
    public String mapped() {
      see("mapped");
      throw new TeapotException();
    }

    @GET
    @Path("status/{code}")
    public Response status(@PathParam("code") int code) {
      see("status");
      return Response.status(code).build();
    }

    @GET
    @Path("async")
    public void async(@Suspended AsyncResponse response) {
      see("async");
      asyncWork.execute(() -> response.resume("done"));
    }

    @GET
    @Path("stage")
    public CompletionStage<String> stage() {
      see("stage");
      return CompletableFuture.supplyAsync(() -> "staged", asyncWork);
    }

    @GET
    @Path("io")
    public String io() throws java.io.IOException {
      see("io");
      throw new java.io.IOException("disk on fire");
    }

    @GET
    @Path("conflict")
    public String conflict() throws ConflictException {
      see("conflict");
      throw new ConflictException();
    }

    /** Sets its own Request-Id, which divak keeps. */
    @GET
    @Path("own-request-id")
    public Response ownRequestId() {
      see("own-request-id");
      return Response.ok("own").header("Request-Id", "set-by-the-resource").build();
    }

    /** Logs on another thread through divak.wrap, and in a child operation. */
    @GET
    @Path("wrapped")
    public String wrapped() throws Exception {
      see("wrapped");
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
      try {
        pool.submit(() -> LOG.info("before any request on this thread")).get();
        divak.wrap((java.util.concurrent.ExecutorService) pool)
            .submit(() -> LOG.info("in a wrapped task")).get();
        pool.submit(() -> LOG.info("after the wrapped task")).get();
      } finally {
        pool.shutdown();
      }
      try (divak.Operation op = divak.operation("child-work")) {
        LOG.info("in the child operation " + op.context().spanIdString());
      }
      LOG.info("back in the request");
      return "wrapped";
    }

    /** Calls service B's /api/boom and answers with B's status. */
    @GET
    @Path("call-boom")
    public String callBoom() {
      see("call-boom");
      try (Response response = client.target(downstream).path("api/boom").request().get()) {
        return Integer.toString(response.getStatus());
      }
    }

    /** Calls service B's /api/status/{code} and answers 200 with B's status. */
    @GET
    @Path("call-status/{code}")
    public String callStatus(@PathParam("code") int code) {
      see("call-status");
      try (Response response = client.target(downstream).path("api/status/" + code).request().get()) {
        return Integer.toString(response.getStatus());
      }
    }

    /** Calls service B's /api/hello and answers with the Request-Id B sent back. */
    @GET
    @Path("call")
    public String call() {
      see("call");
      try (Response response = client.target(downstream).path("api/hello").request().get()) {
        return response.getHeaderString("Request-Id");
      }
    }

    /** Calls a port nobody listens on. */
    @GET
    @Path("call-nowhere")
    public Response callNowhere() {
      see("call-nowhere");
      try (Response response = client.target(downstream).path("api/hello").request().get()) {
        return Response.ok(String.valueOf(response.getStatus())).build();
      } catch (ProcessingException e) {
        return Response.status(502).entity("no answer").build();
      }
    }
  }

  /** A sub-resource locator's root: {@code /shelf/{n}} returns a {@link Slot}. */
  @Path("/shelf")
  @Produces(MediaType.TEXT_PLAIN)
  public static class Shelf {
    @Path("/{n}")
    public Slot slot(@PathParam("n") String n) {
      return new Slot(n);
    }
  }

  /** A sub-resource: no class {@code @Path}. */
  public static class Slot {
    private final String n;

    Slot(String n) {
      this.n = n;
    }

    @GET
    public String get() {
      return "slot " + n;
    }

    @GET
    @Path("items/{item}")
    public String item(@PathParam("item") String item) {
      return "slot " + n + " item " + item;
    }
  }

  /**
   * An authentication filter as applications write them: before matching, at {@code
   * AUTHENTICATION}; answers 401 to a request that brings {@code X-Deny}.
   */
  @PreMatching
  @Priority(jakarta.ws.rs.Priorities.AUTHENTICATION)
  public static final class Authentication implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      if (request.getHeaderString("X-Deny") != null) {
        request.abortWith(Response.status(401).entity("who are you?").build());
      }
    }
  }

  /**
   * A response filter at {@code HEADER_DECORATOR} that turns the answer of a request that brings
   * {@code X-Break} into a 503.
   */
  @Priority(jakarta.ws.rs.Priorities.HEADER_DECORATOR)
  public static final class Breaker implements jakarta.ws.rs.container.ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request,
        jakarta.ws.rs.container.ContainerResponseContext response) {
      if (request.getHeaderString("X-Break") != null) response.setStatus(503);
    }
  }

  /** A checked exception that {@link ConflictMapper} answers with 409. */
  static final class ConflictException extends Exception {
    ConflictException() {
      super("already there");
    }
  }

  public static final class ConflictMapper implements ExceptionMapper<ConflictException> {
    @Override
    public Response toResponse(ConflictException exception) {
      return Response.status(409).entity("conflict").build();
    }
  }

  /** Thrown by /api/mapped; {@link TeapotMapper} answers 418, and 503 is tried elsewhere. */
  static final class TeapotException extends RuntimeException {
    TeapotException() {
      super("short and stout");
    }
  }

  public static final class TeapotMapper implements ExceptionMapper<TeapotException> {
    @Override
    public Response toResponse(TeapotException exception) {
      return Response.status(503).entity("mapped").build();
    }
  }

  /**
   * Runs before divak and notes, for each request, the MDC the worker thread had then (what the
   * previous request left behind), then plants a sentinel for divak to restore.
   */
  @PreMatching
  @Priority(Integer.MIN_VALUE) // before divak's filters (DivakFeature.PRIORITY)
  public static final class MdcProbe implements ContainerRequestFilter {
    record Snapshot(String thread, Map<String, String> mdc, String sentinel) {
    }

    final ConcurrentLinkedQueue<Snapshot> snapshots = new ConcurrentLinkedQueue<>();
    private int count;

    @Override
    public synchronized void filter(ContainerRequestContext request) {
      Map<String, String> mdc = MDC.getCopyOfContextMap();
      String sentinel = "sentinel-" + (++count);
      snapshots.add(new Snapshot(Thread.currentThread().getName(),
          mdc == null ? Map.of() : mdc, sentinel));
      MDC.put("traceId", sentinel);
      MDC.put("spanId", sentinel);
      MDC.put("requestId", sentinel);
    }

    List<Snapshot> list() {
      return List.copyOf(snapshots);
    }
  }

  static Client tracingClient(Divak divak) {
    return ClientBuilder.newClient().register(new DivakFeature(divak));
  }

  private TestResources() {
  }
}
