package bad;

import divak.annotations.Traced;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

public class RawStage {
  @Traced
  @SuppressWarnings("rawtypes")
  public CompletionStage later() {
    return new CompletableFuture();
  }
}
