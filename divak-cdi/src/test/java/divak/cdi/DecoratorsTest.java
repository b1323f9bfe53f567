package divak.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The decorator of a class is found by the processor's naming rule, and only when it extends it. */
class DecoratorsTest {

  @Test
  void findsTheDecoratorOfATopLevelClass() {
    assertThat(Decorators.decoratorOf(Shelf.class)).isEqualTo(Divak_Shelf.class);
  }

  @Test
  void findsTheDecoratorOfANestedClass() {
    assertThat(Decorators.decoratorOf(Shelf.Drawer.class)).isEqualTo(Divak_Shelf_Drawer.class);
  }

  @Test
  void ignoresClassesWithoutOneAndNamesakesThatDoNotExtendThem() {
    assertThat(Decorators.decoratorOf(String.class)).isNull();
    assertThat(Decorators.decoratorOf(Lamp.class)).isNull();
    assertThat(Decorators.decoratorOf(Divak_Shelf.class)).isNull();
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
