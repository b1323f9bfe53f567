package example;

import divak.platforms.PlatformContract.Running;
import divak.report.Reporter;
import example.books.BookResource;
import example.books.Catalog;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.net.URI;
import java.util.function.Function;

/** Starts Dropwizard applications with {@code books.yml} on a free port of 127.0.0.1. */
final class DropwizardApps {

  /** Starts {@code app} reporting its spans to {@code reporter}. */
  static Running start(Function<Reporter, Application<BooksConfiguration>> app, Reporter reporter) {
    return start(app.apply(reporter));
  }

  /** The books service without divak and without the decorators. */
  static Running startPlain() {
    return start(new Application<BooksConfiguration>() {
      @Override
      public void run(BooksConfiguration configuration, Environment environment) {
        environment.jersey().register(new BookResource(new Catalog()));
      }
    });
  }

  private static Running start(Application<BooksConfiguration> app) {
    DropwizardTestSupport<BooksConfiguration> support = new DropwizardTestSupport<>(
        null, ResourceHelpers.resourceFilePath("books.yml")) {
      @Override
      public Application<BooksConfiguration> newApplication() {
        return app; // not "application": that is DropwizardTestSupport's field
      }
    };
    try {
      support.before();
    } catch (Exception e) {
      throw new IllegalStateException("Dropwizard did not start", e);
    }
    URI uri = URI.create("http://127.0.0.1:" + support.getLocalPort() + "/");
    return new Running() {
      @Override
      public URI uri() {
        return uri;
      }

      @Override
      public void close() {
        support.after();
      }
    };
  }

  private DropwizardApps() {
  }
}
