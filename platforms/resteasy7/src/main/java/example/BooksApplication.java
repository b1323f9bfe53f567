package example;

import example.books.BooksTracing;
import example.books.CatalogProvider;
import example.books.DivakResources;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/** The books application, naming its classes. */
@ApplicationPath("/")
public class BooksApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(DivakResources.classes()); // divak: the decorated resources
    classes.add(CatalogProvider.class);
    classes.add(BooksTracing.class);                                 // divak: DivakFeature
    return classes;
  }
}
