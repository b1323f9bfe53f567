package example;

import divak.Divak;
import divak.jaxrs.DivakFeature;
import divak.report.Reporter;
import example.books.Catalog;
import example.books.Divak_BookResource;
import example.books.Divak_Catalog;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;

/** The books service, registering its resource as Dropwizard's getting-started guide does. */
public class BooksApplication extends Application<BooksConfiguration> {
  private final Reporter reporter;

  /** Reports spans to the log. */
  public BooksApplication() {
    this(Reporter.logging());
  }

  /** Reports spans to {@code reporter}. */
  public BooksApplication(Reporter reporter) {
    this.reporter = reporter;
  }

  /** Runs the service: {@code java -jar books.jar server books.yml}. */
  public static void main(String[] args) throws Exception {
    new BooksApplication().run(args);
  }

  @Override
  public String getName() {
    return "books";
  }

  @Override
  public void initialize(Bootstrap<BooksConfiguration> bootstrap) {
  }

  @Override
  public void run(BooksConfiguration configuration, Environment environment) {
    Divak divak = divak(getName(), reporter, environment);
    environment.jersey().register(new DivakFeature(divak));           // divak
    Catalog catalog = new Divak_Catalog();                            // divak: the decorator
    environment.jersey().register(new Divak_BookResource(catalog));  // divak: the decorator
  }

  /** A {@link Divak} closed (its spans flushed) when Dropwizard stops. */
  static Divak divak(String name, Reporter reporter, Environment environment) {
    Divak divak = Divak.builder().serviceName(name).reporter(reporter).build();
    environment.lifecycle().manage(new Managed() {
      @Override
      public void stop() {
        divak.close();
      }
    });
    return divak;
  }
}
