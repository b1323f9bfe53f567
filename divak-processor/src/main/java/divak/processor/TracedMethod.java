package divak.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ExecutableType;

/**
 * A method that a decorator overrides.
 *
 * @param element the method as declared (in the class or a superclass), for its names and
 *     annotations
 * @param type its signature as a member of the traced class, with type arguments resolved
 * @param kind whether it enriches the server span or starts a child span
 * @param spanName the span name; for a resource method, empty to keep the server span's name
 * @param tags its {@code @Tag} parameters, in parameter order
 * @param completion how a {@code CompletionStage} result is handled, or that there is none
 */
record TracedMethod(
    ExecutableElement element,
    ExecutableType type,
    Kind kind,
    String spanName,
    List<TagParameter> tags,
    Completion completion) {

  enum Kind {
    /** A resource method or sub-resource locator: enriches the current server span. */
    RESOURCE,
    /** Any other method: runs in a child span of the current span. */
    LOCAL
  }

  /** What the method returns, as far as the end of its work is concerned. */
  enum Completion {
    /** No stage: the work is done when the method returns. */
    NONE,
    /**
     * Exactly {@code CompletionStage<T>} or {@code CompletableFuture<T>}: the decorator returns the
     * stage that {@code whenComplete} derives, which completes with the same outcome once the span
     * has it, before any callback that the caller registers runs.
     */
    DERIVED_STAGE,
    /**
     * Another type of stage (a subtype, a type variable), which {@code whenComplete} does not
     * produce: the decorator observes the stage and returns it unchanged, so the caller's callbacks
     * may run before the span has the outcome.
     */
    SAME_STAGE
  }
}
