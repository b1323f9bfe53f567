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
 * @param completionStage true when it returns a {@code CompletionStage}, handled on completion
 */
record TracedMethod(
    ExecutableElement element,
    ExecutableType type,
    Kind kind,
    String spanName,
    List<TagParameter> tags,
    boolean completionStage) {

  enum Kind {
    /** A resource method or sub-resource locator: enriches the current server span. */
    RESOURCE,
    /** Any other method: runs in a child span of the current span. */
    LOCAL
  }
}
