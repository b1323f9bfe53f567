package divak.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import divak.Divak;
import divak.report.Reporter;
import jakarta.ws.rs.core.GenericType;
import java.lang.reflect.Type;
import java.net.URI;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.internal.inject.Bindings;
import org.glassfish.jersey.internal.inject.InjectionManager;
import org.glassfish.jersey.internal.inject.Injections;
import org.glassfish.jersey.internal.util.collection.Ref;
import org.glassfish.jersey.internal.util.collection.Refs;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.spi.Container;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The client address comes from the request-scoped reference the serving container fills, and is
 * looked up only when Jersey said that container serves; when it serves without the reference, the
 * missing address is said once, as a warning. (The address from real containers: ContainerContract
 * on Grizzly, and the platform tests on Jersey 3.1 and 4.0, Dropwizard's Jetty and Spring Boot's
 * Tomcat.)
 */
class JerseyRemoteAddressTest {
  private static final Type REF = new GenericType<Ref<String>>() { }.getType();

  private final Divak divak = Divak.builder().serviceName("t").reporter(Reporter.inMemory()).build();
  private final Logger log = (Logger) LoggerFactory.getLogger(DivakFeature.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final JerseyRemoteAddress<String> filter = new JerseyRemoteAddress<>(
      new ServerTracing(divak, new AccessLog(), PathRule.NONE), REF, ServedHere.class.getName(),
      address -> address, "the test container's request");

  @BeforeEach
  void listen() {
    logged.start();
    log.addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    log.detachAppender(logged);
    if (filter.injection != null) filter.injection.shutdown();
  }

  @Test
  void theAddressIsTheServingContainerRequests() {
    bind(Refs.of("10.0.0.7"));
    filter.onStartup(new ServedHere());

    assertThat(remoteAfterFilter()).isEqualTo("10.0.0.7");
    assertThat(logged.list).isEmpty();
  }

  @Test
  void aSubclassOfTheContainerIsThatContainer() {
    bind(Refs.of("10.0.0.7"));
    filter.onStartup(new ServedHere() { });

    assertThat(remoteAfterFilter()).isEqualTo("10.0.0.7");
  }

  @Test
  void underAnotherContainerNothingIsLookedUp() {
    bind(Refs.of("10.0.0.7"));
    filter.onStartup(new ServedElsewhere());

    assertThat(remoteAfterFilter()).isNull();
    assertThat(logged.list).isEmpty();
  }

  @Test
  void inProcessWithoutAContainerNothingIsLookedUp() {
    bind(Refs.of("10.0.0.7"));

    assertThat(remoteAfterFilter()).isNull();
    assertThat(logged.list).isEmpty();
  }

  @Test
  void servedByItsContainerWithoutTheReferenceSaysSoOnce() {
    bind(null);
    filter.onStartup(new ServedHere());

    assertThat(remoteAfterFilter()).isNull();
    assertThat(remoteAfterFilter()).isNull();
    assertThat(logged.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.WARN);
      assertThat(event.getFormattedMessage())
          .contains("the test container's request", "access lines show '-'");
    });
  }

  /** An injection manager with {@code ref} bound as {@code Ref<String>}, or nothing when null. */
  private void bind(Ref<String> ref) {
    InjectionManager injection = Injections.createInjectionManager();
    if (ref != null) injection.register(Bindings.service(ref).to(REF));
    injection.completeRegistration();
    filter.injection = injection;
  }

  private String remoteAfterFilter() {
    ServerExchange exchange = exchange();
    filter.filter(request(exchange));
    return exchange.remote;
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
