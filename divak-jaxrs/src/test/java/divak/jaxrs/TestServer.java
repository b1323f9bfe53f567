package divak.jaxrs;

import divak.testing.HttpContainer;
import java.net.URI;

/** A container serving some resources and providers on 127.0.0.1. */
interface TestServer extends AutoCloseable {
  URI uri();

  @Override
  void close();

  /** The kit's container as the contract's server. */
  static TestServer of(HttpContainer container) {
    return new TestServer() {
      @Override
      public URI uri() {
        return container.uri();
      }

      @Override
      public void close() {
        container.close();
      }
    };
  }
}
