package divak.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which class annotations a decorator repeats for the dependency-injection platforms: Spring
 * stereotypes are left out (divak-spring-boot swaps the bean class of the original's definition),
 * CDI scopes are repeated although {@code @Inherited} (divak-cdi vetoes the original). The Spring
 * and CDI annotations are stand-ins under {@code platforms/} with the real names: the processor
 * matches by name and has neither on its class path. Golden files are in
 * {@code platforms-expected/}; {@code -Ddivak.golden.update=true} rewrites them.
 */
class AnnotationFilterTest {
  private static final boolean UPDATE = Boolean.getBoolean("divak.golden.update");
  private static Compilation compilation;

  @BeforeAll
  static void compile() throws Exception {
    compilation = javac()
        .withOptions("-Xlint:all", "-Xlint:-processing")
        .withProcessors(new DivakProcessor())
        .compile(GoldenTest.inputs("platforms"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "PriceService",     // @Service("prices"): not repeated, one bean of the type
      "StockResource",    // @Component @Path: @Path repeated, @Component not
      "CatalogService",   // a user's stereotype, meta-annotated with @Service: not repeated
      "CartService",      // @ApplicationScoped (inherited) repeated, @Named repeated
      "OrderResource"})   // @RequestScoped repeated beside @Path; @Inject constructor mirrored
  void decoratorRepeatsWhatThePlatformNeeds(String original) throws Exception {
    String type = "shop.Divak_" + original;
    String file = "platforms-expected/shop/Divak_" + original + ".java";
    if (UPDATE) {
      JavaFileObject generated = compilation.generatedSourceFile(type).orElseThrow();
      Path target = Paths.get("src/test/resources", file);
      Files.createDirectories(target.getParent());
      Files.writeString(target, generated.getCharContent(true).toString(), StandardCharsets.UTF_8);
      return;
    }
    // The exact text, as GoldenTest compares it: what a user reads in the IDE.
    assertThat(compilation).generatedSourceFile(type).contentsAsUtf8String()
        .isEqualTo(Files.readString(Paths.get("src/test/resources", file), StandardCharsets.UTF_8));
  }
}
