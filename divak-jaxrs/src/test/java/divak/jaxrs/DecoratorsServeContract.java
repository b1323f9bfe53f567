package divak.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import divak.Divak;
import divak.jaxrs.books.BookResource;
import divak.jaxrs.books.Divak_BookResource;
import divak.jaxrs.books.Divak_BookResource_Shelf;
import divak.jaxrs.books.PlainResource;
import divak.report.Reporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * With {@link DivakFeature} registered, the decorator serves when the application registers a
 * resource and its decorator both (as package scanning does), in either order; a resource served
 * without its existing decorator gets one WARN naming it and the fix.
 */
abstract class DecoratorsServeContract {
  private final HttpClient client = HttpClient.newHttpClient();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(DivakFeature.class);
  final Divak divak = Divak.builder().serviceName("books").reporter(Reporter.inMemory()).build();

  /**
   * Serves {@code components}, in this order, with {@code feature} (none when null): classes are
   * registered as classes, other objects as instances.
   */
  abstract TestServer start(DivakFeature feature, List<?> components);

  @BeforeEach
  void captureLog() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    logger.detachAppender(log);
  }

  @Test
  void decoratorServesWhenBothAreRegistered() throws Exception {
    for (List<Class<?>> order : List.of(
        List.<Class<?>>of(BookResource.class, Divak_BookResource.class, PlainResource.class),
        List.<Class<?>>of(Divak_BookResource.class, BookResource.class, PlainResource.class))) {
      try (TestServer server = start(new DivakFeature(divak), order)) {
        assertThat(get(server, "books/7")).isEqualTo("200 Divak_BookResource 7");
        assertThat(get(server, "books")).as("inherited method").isEqualTo("200 Divak_BookResource all");
        assertThat(get(server, "plain")).isEqualTo("200 plain");
      }
    }
    assertThat(warnings()).isEmpty();
  }

  @Test
  void nestedDecoratorServes() throws Exception {
    try (TestServer server = start(new DivakFeature(divak),
        List.of(BookResource.Shelf.class, Divak_BookResource_Shelf.class))) {
      assertThat(get(server, "shelves")).isEqualTo("200 Divak_BookResource_Shelf");
    }
    assertThat(warnings()).isEmpty();
  }

  @Test
  void originalAloneServesAndIsNamedInOneWarning() throws Exception {
    try (TestServer server = start(new DivakFeature(divak),
        List.of(BookResource.class, PlainResource.class))) {
      assertThat(get(server, "books/7")).isEqualTo("200 BookResource 7");
    }
    List<String> warnings = warnings();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0))
        .contains("divak.jaxrs.books.BookResource serves its requests undecorated")
        .contains("Register divak.jaxrs.books.DivakResources")
        .contains("Divak_BookResource.class");
  }

  /** Dropwizard's way: {@code register(new BookResource(...))}, which the decorator cannot serve. */
  @Test
  void originalInstanceServesAndIsNamedInOneWarning() throws Exception {
    try (TestServer server = start(new DivakFeature(divak), List.of(new BookResource()))) {
      assertThat(get(server, "books/7")).isEqualTo("200 BookResource 7");
    }
    assertThat(warnings()).hasSize(1).allSatisfy(warning -> assertThat(warning)
        .contains("divak.jaxrs.books.BookResource serves its requests undecorated")
        .contains("new Divak_BookResource(...)"));
  }

  @Test
  void decoratorAloneServesWithoutWarning() throws Exception {
    try (TestServer server = start(new DivakFeature(divak), List.of(Divak_BookResource.class))) {
      assertThat(get(server, "books/7")).isEqualTo("200 Divak_BookResource 7");
    }
    assertThat(warnings()).isEmpty();
  }

  private List<String> warnings() {
    return log.list.stream().filter(e -> e.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
  }

  private String get(TestServer server, String path) throws Exception {
    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(URI.create(server.uri() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }
}
