package bad;

import divak.annotations.Traced;

@Traced
public sealed class SealedClass permits SealedClass.Only {
  public void run() {
  }

  public static final class Only extends SealedClass {
  }
}
