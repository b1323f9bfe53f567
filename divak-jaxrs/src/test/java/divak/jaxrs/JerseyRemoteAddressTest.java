package divak.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import divak.Divak;
import divak.report.Reporter;
import jakarta.ws.rs.core.GenericType;
import java.net.URI;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.internal.inject.Injections;
import org.glassfish.jersey.internal.util.collection.Ref;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.spi.Container;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * When the container that serves does not offer its request as divak expects, the missing client
 * address is said once, as a warning; under another container nothing is said. (That the address
 * is there when the container offers it: ContainerContract on Grizzly, and the Dropwizard, Spring
 * Boot and Jersey 4 platform tests.)
 */
class JerseyRemoteAddressTest {
  private final Divak divak = Divak.builder().serviceName("t").reporter(Reporter.inMemory()).build();
  private final Logger log = (Logger) LoggerFactory.getLogger(DivakFeature.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final JerseyRemoteAddress<String> filter = new JerseyRemoteAddress<>(
      new ServerTracing(divak, new AccessLog(), PathRule.NONE), new GenericType<Ref<String>>() { }.getType(),
      ServedHere.class.getName(), s -> s, "the test container's request");

  @BeforeEach
  void listen() {
    logged.start();
    log.addAppender(logged);
    filter.injection = Injections.createInjectionManager(); // binds no Ref<String>
    filter.injection.completeRegistration();
  }

  @AfterEach
  void stopListening() {
    log.detachAppender(logged);
    filter.injection.shutdown();
  }

  @Test
  void servedByItsContainerWithoutTheRequestSaysSoOnce() {
    filter.onStartup(new ServedHere());
    ServerExchange first = exchange();
    filter.filter(request(first));
    filter.filter(request(exchange()));

    assertThat(first.remote).isNull();
    assertThat(logged.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.WARN);
      assertThat(event.getFormattedMessage())
          .contains("the test container's request", "access lines show '-'");
    });
  }

  @Test
  void aSubclassOfTheContainerIsThatContainer() {
    filter.onStartup(new ServedHere() { });
    filter.filter(request(exchange()));

    assertThat(logged.list).hasSize(1);
  }

  @Test
  void underAnotherContainerNothingIsSaid() {
    filter.onStartup(new ServedElsewhere());
    filter.filter(request(exchange()));

    assertThat(logged.list).isEmpty();
  }

  @Test
  void beforeJerseySaysWhichContainerServesNothingIsSaid() {
    filter.filter(request(exchange()));

    assertThat(logged.list).isEmpty();
  }

  private ServerExchange exchange() {
    ServerExchange exchange = new ServerExchange(divak.startSpan("GET"), "GET", System.nanoTime());
    exchange.accessLogFields(URI.create("http://127.0.0.1/x"), "probe/1.0");
    return exchange;
  }

  private static ContainerRequest request(ServerExchange exchange) {
    ContainerRequest request = new ContainerRequest(URI.create("http://127.0.0.1/"),
        URI.create("http://127.0.0.1/x"), "GET", null, new MapPropertiesDelegate(), null);
    request.setProperty(ServerExchange.PROPERTY, exchange);
    return request;
  }

  abstract static class TestContainer implements Container {
    @Override
    public ResourceConfig getConfiguration() {
      return null;
    }

    @Override
    public ApplicationHandler getApplicationHandler() {
      return null;
    }

    @Override
    public void reload() {
    }

    @Override
    public void reload(ResourceConfig configuration) {
    }
  }

  static class ServedHere extends TestContainer {
  }

  static class ServedElsewhere extends TestContainer {
  }
}
