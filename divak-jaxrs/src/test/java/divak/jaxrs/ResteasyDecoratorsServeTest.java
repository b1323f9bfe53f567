package divak.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import divak.testing.ResteasyContainer;
import divak.jaxrs.books.BookResource;
import divak.jaxrs.books.Divak_BookResource;
import io.undertow.Undertow;
import jakarta.ws.rs.core.Application;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link ResteasyDecoratorsServe} on RESTEasy 6.2 with Undertow. */
class ResteasyDecoratorsServeTest extends DecoratorsServeContract {

  /**
   * Why the resource class processor exists: without it RESTEasy serves both and the order of
   * registration decides, which for an application's class set is its hash order.
   */
  @Test
  void withoutDivakTheRegistrationOrderDecides() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    Set<String> served = new HashSet<>();
    for (List<Class<?>> order : List.of(
        List.<Class<?>>of(BookResource.class, Divak_BookResource.class),
        List.<Class<?>>of(Divak_BookResource.class, BookResource.class))) {
      try (TestServer server = start(null, order)) {
        served.add(client.send(HttpRequest.newBuilder(server.uri().resolve("books/7")).build(),
            HttpResponse.BodyHandlers.ofString()).body());
      }
    }
    assertThat(served).containsExactlyInAnyOrder("BookResource 7", "Divak_BookResource 7");
  }

  @Override
  TestServer start(DivakFeature feature, List<?> components) {
    Set<Class<?>> resources = new LinkedHashSet<>(); // registered in this order
    Set<Object> singletons = new LinkedHashSet<>();
    if (feature != null) singletons.add(feature);
    for (Object component : components) {
      if (component instanceof Class) {
        resources.add((Class<?>) component);
      } else {
        singletons.add(component);
      }
    }
    return TestServer.of(ResteasyContainer.start(new Application() {
      @Override
      public Set<Class<?>> getClasses() {
        return resources;
      }

      @Override
      @SuppressWarnings("deprecation") // RESTEasy's standalone way to pass an instance
      public Set<Object> getSingletons() {
        return singletons;
      }
    }, 4));
  }
}
