package divak.it;

import divak.Divak;
import divak.report.InMemoryReporter;
import divak.report.Reporter;
import divak.testing.HttpContainer;
import java.net.URI;

/** A container on 127.0.0.1 serving the resources of divak.it, decorated or not. */
abstract class Server implements AutoCloseable {
  final InMemoryReporter reporter = Reporter.inMemory();
  final Divak divak;
  URI uri;
  private HttpContainer container;

  Server(String name) {
    this.divak = Divak.builder().serviceName(name).reporter(reporter).build();
  }

  /** Serves through {@code started}, on the port it bound. */
  final void serve(HttpContainer started) {
    this.container = started;
    this.uri = started.uri();
  }

  @Override
  public void close() {
    if (container != null) container.close();
  }
}
