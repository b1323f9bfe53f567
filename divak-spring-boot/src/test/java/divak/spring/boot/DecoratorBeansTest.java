package divak.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The decorator of a bean class is found by the processor's naming rule, and only when it extends it. */
class DecoratorBeansTest {
  private final ClassLoader loader = getClass().getClassLoader();

  @Test
  void findsTheDecoratorOfATopLevelClass() {
    assertThat(DecoratorBeans.decoratorOf(Shelf.class.getName(), loader)).isEqualTo(Divak_Shelf.class);
  }

  @Test
  void findsTheDecoratorOfANestedClass() {
    assertThat(DecoratorBeans.decoratorOf(Shelf.Drawer.class.getName(), loader)).isEqualTo(Divak_Shelf_Drawer.class);
  }

  @Test
  void ignoresClassesWithoutOneAndNamesakesThatDoNotExtendThem() {
    assertThat(DecoratorBeans.decoratorOf(String.class.getName(), loader)).isNull();
    assertThat(DecoratorBeans.decoratorOf(Lamp.class.getName(), loader)).isNull();
    assertThat(DecoratorBeans.decoratorOf(Divak_Shelf.class.getName(), loader)).isNull();
  }
}

class Shelf {
  static class Drawer {
  }
}

class Divak_Shelf extends Shelf {
}

class Divak_Shelf_Drawer extends Shelf.Drawer {
}

class Lamp {
}

class Divak_Lamp {
}
