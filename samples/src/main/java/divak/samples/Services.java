package divak.samples;

import divak.Divak;
import divak.jaxrs.DivakFeature;
import divak.samples.backend.Divak_StockService;
import divak.samples.backend.StockService;
import divak.samples.frontend.OrderResource;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** The two demo services, {@code frontend} and {@code backend}, on 127.0.0.1. */
public final class Services implements AutoCloseable {
  private final HttpServer backend;
  private final HttpServer frontend;
  private final Client client;
  private final ExecutorService executor;
  private final URI backendUri;
  private final URI frontendUri;

  /** A port of 0 lets Grizzly bind one of its choosing; the URIs carry the bound ports. */
  private Services(Divak frontendDivak, Divak backendDivak, int frontendPort, int backendPort) {

    ResourceConfig backendApp = new ResourceConfig()
        .register(new DivakFeature(backendDivak))
        .register(divak.samples.backend.DivakResources.class)
        .register(new AbstractBinder() {
          @Override
          protected void configure() {
            // The traced service is used through its generated decorator.
            bind(new Divak_StockService()).to(StockService.class);
          }
        });
    backend = GrizzlyHttpServerFactory.createHttpServer(
        URI.create("http://127.0.0.1:" + backendPort + "/"), backendApp);
    backendUri = boundUri(backend);

    client = ClientBuilder.newClient().register(new DivakFeature(frontendDivak));
    executor = Executors.newFixedThreadPool(2);
    OrderResource.Backend backendClient =
        new OrderResource.Backend(client, backendUri.toString(), executor);
    ResourceConfig frontendApp = new ResourceConfig()
        .register(new DivakFeature(frontendDivak))
        .register(divak.samples.frontend.DivakResources.class)
        .register(new AbstractBinder() {
          @Override
          protected void configure() {
            bind(backendClient).to(OrderResource.Backend.class);
          }
        });
    frontend = GrizzlyHttpServerFactory.createHttpServer(
        URI.create("http://127.0.0.1:" + frontendPort + "/"), frontendApp);
    frontendUri = boundUri(frontend);
  }

  private static URI boundUri(HttpServer server) {
    return URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/");
  }

  /** Starts both services on ports they bind themselves. */
  public static Services start(Divak frontendDivak, Divak backendDivak) {
    return new Services(frontendDivak, backendDivak, 0, 0);
  }

  /** Starts both services on the given ports. */
  public static Services start(Divak frontendDivak, Divak backendDivak, int frontendPort, int backendPort) {
    return new Services(frontendDivak, backendDivak, frontendPort, backendPort);
  }

  public URI frontendUri() {
    return frontendUri;
  }

  public URI backendUri() {
    return backendUri;
  }

  @Override
  public void close() {
    frontend.shutdownNow();
    client.close();
    executor.shutdownNow();
    backend.shutdownNow();
  }
}
