package divak.testing;

import java.net.URI;

/** A Jakarta REST container serving on 127.0.0.1, started by {@link JerseyContainer} or {@link
 * ResteasyContainer}. */
public interface HttpContainer extends AutoCloseable {
  /** Its root, {@code http://127.0.0.1:{port}/}, with the port it is listening on. */
  URI uri();

  /** Stops it. */
  @Override
  void close();
}
