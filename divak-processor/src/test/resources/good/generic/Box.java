package generic;

import divak.annotations.Tag;
import divak.annotations.Traced;

public class Box<T extends Number> {
  @Traced
  public T put(@Tag("box.value") T value) {
    return value;
  }
}
