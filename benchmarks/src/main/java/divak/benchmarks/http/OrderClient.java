package divak.benchmarks.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * {@code GET /orders/{id}} of this same service through a JAX-RS {@link Client} (traced when
 * divak's feature is registered on it). The base URI is set once the server has bound its port.
 */
public final class OrderClient {
  private final Client client;
  private volatile URI base = URI.create("http://127.0.0.1:0/");

  OrderClient(Client client) {
    this.client = client;
  }

  void base(URI base) {
    this.base = base;
  }

  String get(String id) {
    try (Response response = client.target(base).path("orders").path(id)
        .request(MediaType.APPLICATION_JSON).get()) {
      if (response.getStatus() != 200) {
        throw new WebApplicationException("/orders/" + id + " answered " + response.getStatus(), 502);
      }
      return response.readEntity(String.class);
    }
  }

  void close() {
    client.close();
  }
}
