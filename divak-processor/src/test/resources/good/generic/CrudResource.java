package generic;

import divak.annotations.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

public abstract class CrudResource<T> {
  @GET
  @Path("/{id}")
  public T get(@Tag("id") @PathParam("id") String id) {
    return null;
  }

  @POST
  public T create(@Tag("entity") T entity) {
    return entity;
  }
}
