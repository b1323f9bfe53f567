package bad;

import divak.annotations.Traced;

public class StaticMethod {
  @Traced
  public static void run() {
  }
}
