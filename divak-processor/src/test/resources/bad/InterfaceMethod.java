package bad;

import divak.annotations.Traced;

public interface InterfaceMethod {
  @Traced
  void run();
}
