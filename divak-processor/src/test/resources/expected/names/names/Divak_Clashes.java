package names;

import divak.Decorators;
import divak.Scope;
import java.util.concurrent.CompletionStage;
import javax.annotation.processing.Generated;

/**
 * Traces {@link Clashes}: each traced method runs in a child span of the current span.
 * Create this class where a {@code Clashes} would be created.
 */
@Generated("divak.processor.DivakProcessor")
public class Divak_Clashes extends Clashes {
  public Divak_Clashes() {
    super();
  }

  @Override
  public CompletionStage<String> run(String span, int divak, String scope, String stage,
      String result, String error, String e) {
    divak.Span parent = Decorators.currentSpan();
    divak.Span span_ = Decorators.startSpan(parent, "Clashes.run");
    CompletionStage<String> stage_;
    Scope scope_ = Decorators.makeCurrent(parent, span_);
    try {
      if (!span_.isNoop()) {
        span_.tag("span", span);
        span_.tag("divak", divak);
      }
      stage_ = super.run(span, divak, scope, stage, result, error, e);
    } catch (Throwable e_) {
      span_.error(e_);
      span_.finish();
      throw e_;
    } finally {
      scope_.close();
    }
    if (stage_ == null || span_.isNoop()) {
      span_.finish();
      return stage_;
    }
    return stage_.whenComplete((result_, error_) -> {
      if (error_ != null) span_.error(error_);
      span_.finish();
    });
  }
}
