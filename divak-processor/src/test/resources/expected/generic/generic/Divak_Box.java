package generic;

import divak.Divak;
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
    Divak divak = Divak.current();
    Span span = divak.startSpan("Box.put");
    if (value != null) span.tag("box.value", String.valueOf(value));
    Scope scope = divak.withSpan(span);
    try {
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
