package example.books;

import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Provides the one {@link Catalog} to the resources. */
@Provider
public class CatalogProvider implements ContextResolver<Catalog> {
  private final Catalog catalog = new Divak_Catalog(); // divak: the decorator

  @Override
  public Catalog getContext(Class<?> type) {
    return catalog;
  }
}
