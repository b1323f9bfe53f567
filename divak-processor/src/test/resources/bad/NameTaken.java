package bad;

import divak.annotations.Traced;

@Traced
public class NameTaken {
  public void run() {
  }
}

class Divak_NameTaken {
}
