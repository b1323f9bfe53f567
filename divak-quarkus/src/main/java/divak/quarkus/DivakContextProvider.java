package divak.quarkus;

import divak.Divak;
import divak.Scope;
import divak.Span;
import java.util.Map;
import org.eclipse.microprofile.context.spi.ThreadContextProvider;
import org.eclipse.microprofile.context.spi.ThreadContextSnapshot;

/**
 * divak's context for SmallRye Context Propagation (found through {@code ServiceLoader}): the span
 * current where a task or a {@code Uni} stage is captured is made current, with its ids in the
 * MDC, on the thread that runs it ({@code emitOn(Infrastructure.getDefaultWorkerPool())}, a
 * {@code ManagedExecutor}, a {@code ThreadContext}), and what that thread held before is put back
 * afterwards. So a {@code @Traced} bean called there makes a child of the request's span.
 */
public class DivakContextProvider implements ThreadContextProvider {
  /** The context type, as named in {@code ManagedExecutor.Builder#propagated}. */
  public static final String TYPE = "divak";

  /** Built by {@code ServiceLoader}. */
  public DivakContextProvider() {
  }

  @Override
  public ThreadContextSnapshot currentContext(Map<String, String> props) {
    Divak divak = Divak.current();
    return new Snapshot(divak, divak.currentSpan());
  }

  @Override
  public ThreadContextSnapshot clearedContext(Map<String, String> props) {
    return new Snapshot(Divak.current(), Span.NOOP); // a no-op span starts a new trace
  }

  @Override
  public String getThreadContextType() {
    return TYPE;
  }

  /** A captured span, made current on the thread that begins it. */
  private record Snapshot(Divak divak, Span span) implements ThreadContextSnapshot {
    @Override
    public org.eclipse.microprofile.context.spi.ThreadContextController begin() {
      Scope scope = divak.withSpan(span);
      return scope::close;
    }
  }
}
