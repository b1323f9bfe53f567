package divak.it.shop;

import divak.annotations.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

/** A generic resource; its @Tag applies in the traced subclasses that inherit these methods. */
@Produces("text/plain")
@Consumes("text/plain")
public abstract class CrudResource<T> {
  protected abstract T find(String id);

  protected abstract T save(T entity);

  @GET
  @Path("/{id}")
  public T get(@Tag("id") @PathParam("id") String id) {
    return find(id);
  }

  @POST
  public T create(@Tag("entity") T entity) {
    return save(entity);
  }
}
