package divak.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import divak.jaxrs.books.BookResource;
import divak.jaxrs.books.Divak_BookResource;
import divak.jaxrs.books.Divak_BookResource_Shelf;
import divak.jaxrs.books.PlainResource;
import org.junit.jupiter.api.Test;

class DecoratorsTest {

  @Test
  void namesTheDecoratorBesideTheClass() {
    assertThat(Decorators.decoratorName("com.example.BookResource"))
        .isEqualTo("com.example.Divak_BookResource");
    assertThat(Decorators.decoratorName("com.example.Outer$Inner"))
        .isEqualTo("com.example.Divak_Outer_Inner");
    assertThat(Decorators.decoratorName("TopLevel")).isEqualTo("Divak_TopLevel");
  }

  @Test
  void localAndAnonymousClassesHaveNoDecoratorName() {
    assertThat(Decorators.decoratorName("com.example.Outer$1")).isNull();
    assertThat(Decorators.decoratorName("com.example.Outer$1Local")).isNull();
  }

  @Test
  void findsTheDecoratorOnlyWhereOneExtendsTheClass() {
    assertThat(Decorators.decoratorOf(BookResource.class)).isEqualTo(Divak_BookResource.class);
    assertThat(Decorators.decoratorOf(BookResource.Shelf.class))
        .isEqualTo(Divak_BookResource_Shelf.class);
    assertThat(Decorators.decoratorOf(PlainResource.class)).isNull();
    assertThat(Decorators.decoratorOf(Divak_BookResource.class)).as("a decorator").isNull();
    assertThat(Decorators.decoratorOf(String.class)).as("the JDK's").isNull();
  }

  @Test
  void recognisesDecoratorsByName() {
    assertThat(Decorators.isDecorator(Divak_BookResource.class)).isTrue();
    assertThat(Decorators.isDecorator(BookResource.class)).isFalse();
  }
}
