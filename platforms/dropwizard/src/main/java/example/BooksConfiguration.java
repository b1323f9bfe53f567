package example;

import io.dropwizard.core.Configuration;

/** The application's configuration: Dropwizard's own (server, logging) is all it needs. */
public class BooksConfiguration extends Configuration {
}
