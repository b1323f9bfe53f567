package divak.it.shop;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class OrderNotFoundMapper implements ExceptionMapper<OrderNotFound> {
  @Override
  public Response toResponse(OrderNotFound e) {
    return Response.status(404).entity(e.getMessage()).type("text/plain").build();
  }
}
