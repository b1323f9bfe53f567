package names;

import divak.annotations.Tag;
import divak.annotations.Traced;
import java.util.concurrent.CompletionStage;

/** Parameters named like the decorator's locals, and a method named like its helper. */
public class Clashes {
  @Traced
  public CompletionStage<String> run(@Tag("span") String span, @Tag("divak") int divak, String scope,
      String stage, String result, String error, String e) {
    return null;
  }

  public Throwable unwrap(Throwable t) {
    return t;
  }

  public static class Span {
  }
}
