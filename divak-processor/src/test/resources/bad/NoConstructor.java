package bad;

import divak.annotations.Traced;

@Traced
public class NoConstructor {
  private NoConstructor() {
  }

  public void run() {
  }
}
