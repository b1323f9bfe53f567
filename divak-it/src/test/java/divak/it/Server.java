package divak.it;

import divak.Divak;
import divak.report.InMemoryReporter;
import divak.report.Reporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

/** A container on 127.0.0.1 serving the resources of divak.it, decorated or not. */
abstract class Server implements AutoCloseable {
  final InMemoryReporter reporter = Reporter.inMemory();
  final Divak divak;
  final URI uri;

  Server(String name) {
    this.divak = Divak.builder().serviceName(name).reporter(reporter).build();
    this.uri = URI.create("http://127.0.0.1:" + freePort() + "/");
  }

  @Override
  public abstract void close();

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
