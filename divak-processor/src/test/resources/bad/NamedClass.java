package bad;

import divak.annotations.Traced;

@Traced("orders")
public class NamedClass {
  public void run() {
  }
}
