package bad;

import divak.annotations.Traced;

public class InaccessibleType {
  private static class Secret {
  }

  @Traced
  protected Secret run() {
    return null;
  }
}
