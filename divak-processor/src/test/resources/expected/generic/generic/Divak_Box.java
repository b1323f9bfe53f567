package generic;

import divak.Decorators;
import divak.Scope;
import divak.Span;
import javax.annotation.processing.Generated;

/**
 * Traces {@link Box}: each traced method runs in a child span of the current span.
 * Create this class where a {@code Box} would be created.
 */
@Generated("divak.processor.DivakProcessor")
public class Divak_Box<T extends Number> extends Box<T> {
  public Divak_Box() {
    super();
  }

  @Override
  public T put(T value) {
    Span parent = Decorators.currentSpan();
    Span span = Decorators.startSpan(parent, "Box.put");
    Scope scope = Decorators.makeCurrent(parent, span);
    try {
      if (!span.isNoop()) {
        if (value != null) span.tag("box.value", String.valueOf(value));
      }
      return super.put(value);
    } catch (Throwable e) {
      span.error(e);
      throw e;
    } finally {
      scope.close();
      span.finish();
    }
  }
}
