package divak.internal;

import divak.TraceContext;
import org.jspecify.annotations.Nullable;

/**
 * Lets divak's propagation formats keep the id strings they parsed on the context they extract, so
 * that injecting that context, or a child of it, writes those strings again instead of formatting
 * the ids anew. Internal: not part of the public API (see the package).
 *
 * <p>{@link TraceContext} supplies the one instance as it loads; a format reaches it only after
 * calling {@link TraceContext#builder()}, which loads it.
 */
public abstract class ParsedIds {
  private static @Nullable ParsedIds instance;

  /** Called once, by {@link TraceContext}. */
  public static void set(ParsedIds parsedIds) {
    if (instance != null) throw new IllegalStateException("ParsedIds is set by TraceContext only");
    instance = parsedIds;
  }

  /** The instance {@link TraceContext} supplied. */
  public static ParsedIds get() {
    ParsedIds parsedIds = instance;
    if (parsedIds == null) throw new IllegalStateException("TraceContext is not loaded yet");
    return parsedIds;
  }

  /**
   * Builds {@code builder}'s context with the given hex forms of its ids. Each must be null or
   * exactly what the context's {@code traceIdString()}, {@code spanIdString()} or {@code
   * parentIdString()} would return: the caller parsed the ids from these very strings.
   */
  public abstract TraceContext build(TraceContext.Builder builder, @Nullable String traceIdHex,
      @Nullable String spanIdHex, @Nullable String parentIdHex);
}
