package divak.samples.quarkus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The lines written on divak's access log (logger {@code divak.access}) while listening. */
final class AccessLines extends Handler implements AutoCloseable {
  private static final Logger ACCESS = Logger.getLogger("divak.access");
  private final List<String> lines = new CopyOnWriteArrayList<>();

  static AccessLines listen() {
    AccessLines lines = new AccessLines();
    ACCESS.addHandler(lines);
    return lines;
  }

  @Override
  public void publish(LogRecord record) {
    lines.add(record.getMessage());
  }

  /** The line that ends with this Request-Id, waited for at most 10 s. */
  String withRequestId(String requestId) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      for (String line : lines) {
        if (line.endsWith(" " + requestId)) return line;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no access line for " + requestId + " in " + lines);
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
    ACCESS.removeHandler(this);
  }
}
