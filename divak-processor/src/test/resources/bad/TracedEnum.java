package bad;

import divak.annotations.Traced;

@Traced
public enum TracedEnum {
  ONE;

  public void run() {
  }
}
