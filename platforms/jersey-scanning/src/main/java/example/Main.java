package example;

import divak.Divak;
import divak.jaxrs.DivakFeature;
import divak.report.Reporter;
import example.books.Catalog;
import example.books.Divak_Catalog;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;

/** Main class, as Jersey's quickstart writes it. */
public class Main {
  /** Base URI the Grizzly HTTP server will listen on. */
  public static final String BASE_URI = "http://127.0.0.1:8080/";

  /**
   * Starts Grizzly HTTP server exposing JAX-RS resources defined in this application.
   *
   * @return Grizzly HTTP server.
   */
  public static HttpServer startServer(URI baseUri, Divak divak) {
    // create a resource config that scans for JAX-RS resources and providers in example.books
    final ResourceConfig rc = new ResourceConfig()
        .packages("example.books")
        .register(new DivakFeature(divak))                   // divak: spans, Request-Id, MDC
        .register(new AbstractBinder() {
          @Override
          protected void configure() {
            bind(Divak_Catalog.class).to(Catalog.class).in(Singleton.class); // divak: the decorator
          }
        });
    return GrizzlyHttpServerFactory.createHttpServer(baseUri, rc);
  }

  /** Main method. */
  public static void main(String[] args) throws IOException {
    Divak divak = Divak.builder().serviceName("books").reporter(Reporter.logging()).build();
    final HttpServer server = startServer(URI.create(BASE_URI), divak);
    System.out.println(String.format("Jersey app started with endpoints available at "
        + "%s%nHit Ctrl-C to stop it...", BASE_URI));
    System.in.read();
    server.shutdownNow();
    divak.close();
  }
}
