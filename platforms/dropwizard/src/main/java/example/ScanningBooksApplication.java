package example;

import divak.jaxrs.DivakFeature;
import divak.report.Reporter;
import example.books.Catalog;
import example.books.Divak_Catalog;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Environment;
import jakarta.inject.Singleton;
import org.glassfish.hk2.utilities.binding.AbstractBinder;

/** The books service, finding its resources by package scanning. */
public class ScanningBooksApplication extends Application<BooksConfiguration> {
  private final Reporter reporter;

  /** Reports spans to the log. */
  public ScanningBooksApplication() {
    this(Reporter.logging());
  }

  /** Reports spans to {@code reporter}. */
  public ScanningBooksApplication(Reporter reporter) {
    this.reporter = reporter;
  }

  /** Runs the service: {@code java -cp books.jar example.ScanningBooksApplication server books.yml}. */
  public static void main(String[] args) throws Exception {
    new ScanningBooksApplication().run(args);
  }

  @Override
  public String getName() {
    return "books";
  }

  @Override
  public void run(BooksConfiguration configuration, Environment environment) {
    environment.jersey().packages("example.books");
    environment.jersey().register(
        new DivakFeature(BooksApplication.divak(getName(), reporter, environment))); // divak
    environment.jersey().register(new AbstractBinder() {
      @Override
      protected void configure() {
        bind(Divak_Catalog.class).to(Catalog.class).in(Singleton.class); // divak: the decorator
      }
    });
  }
}
