package divak.jaxrs.books;

import jakarta.ws.rs.Path;

/** Stands in for the decorator of the nested {@link BookResource.Shelf}. */
@Path("/shelves")
public class Divak_BookResource_Shelf extends BookResource.Shelf {
}
