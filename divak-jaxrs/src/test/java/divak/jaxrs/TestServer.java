package divak.jaxrs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

/** A container serving some resources and providers on 127.0.0.1. */
interface TestServer extends AutoCloseable {
  URI uri();

  @Override
  void close();

  /** A port free on 127.0.0.1 right now. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
