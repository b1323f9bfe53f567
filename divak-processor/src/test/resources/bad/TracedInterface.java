package bad;

import divak.annotations.Traced;

@Traced
public interface TracedInterface {
  void run();
}
