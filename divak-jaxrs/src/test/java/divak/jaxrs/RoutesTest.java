package divak.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

class RoutesTest {

  @Path("orders/")
  static class Orders {
    @GET
    @Path("/{id: [0-9]{1,9}}/items/{item}")
    public String item() {
      return "";
    }

    @GET
    public String list() {
      return "";
    }
  }

  /** A generated decorator: no Jakarta REST annotations of its own on the method. */
  static class Divak_Orders extends Orders {
    @Override
    public String item() {
      return super.item();
    }
  }

  @Test
  void classAndMethodPathsAreJoinedWithoutRegularExpressions() throws Exception {
    assertThat(Routes.template(Orders.class, Orders.class.getMethod("item")))
        .isEqualTo("/orders/{id}/items/{item}");
    assertThat(Routes.template(Orders.class, Orders.class.getMethod("list"))).isEqualTo("/orders");
  }

  @Test
  void annotationsAreInheritedByASubclassThatOverridesWithoutThem() throws Exception {
    assertThat(Routes.template(Divak_Orders.class, Divak_Orders.class.getMethod("item")))
        .isEqualTo("/orders/{id}/items/{item}");
  }

  @Test
  void slashesAreNormalised() {
    assertThat(Routes.join("", "")).isEqualTo("/");
    assertThat(Routes.join("/", "/")).isEqualTo("/");
    assertThat(Routes.join("//a//", "b/")).isEqualTo("/a/b");
    assertThat(Routes.join("a", "{ x : \\{ }")).isEqualTo("/a/{x}");
  }

  @Test
  void unknownResourceHasNoRoute() {
    assertThat(Routes.template(null, null)).isNull();
  }
}
