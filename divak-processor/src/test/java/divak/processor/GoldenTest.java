package divak.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each directory of {@code good/} compiles without warnings and generates exactly the files of the
 * same directory of {@code expected/}, to the character. Run with {@code -Ddivak.golden.update=true} to rewrite
 * {@code expected/} from the processor's output, then review the diff.
 */
class GoldenTest {
  private static final boolean UPDATE = Boolean.getBoolean("divak.golden.update");

  @ParameterizedTest
  @ValueSource(strings = {"orders", "services", "generic", "names", "api"})
  void generatesExpectedSources(String name) throws Exception {
    Compilation compilation = javac()
        .withOptions("-Xlint:all", "-Xlint:-processing")
        .withProcessors(new DivakProcessor())
        .compile(inputs("good/" + name));

    assertThat(compilation).succeededWithoutWarnings();
    Path expectedDir = expectedDir(name);
    if (UPDATE) {
      rewrite(expectedDir, compilation.generatedSourceFiles());
      return;
    }
    Set<String> generated = compilation.generatedSourceFiles().stream()
        .map(GoldenTest::relativePath)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> expected;
    try (Stream<Path> files = Files.walk(expectedDir)) {
      expected = files.filter(Files::isRegularFile)
          .map(p -> expectedDir.relativize(p).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(generated).isEqualTo(expected);
    for (String file : expected) {
      String typeName = file.replace(".java", "").replace('/', '.');
      // The exact text, javadoc and layout included: what a user reads in the IDE.
      assertThat(compilation).generatedSourceFile(typeName).contentsAsUtf8String()
          .isEqualTo(Files.readString(expectedDir.resolve(file), StandardCharsets.UTF_8));
    }
  }

  static List<JavaFileObject> inputs(String directory) throws IOException, URISyntaxException {
    URL url = GoldenTest.class.getClassLoader().getResource(directory);
    Path root = Paths.get(url.toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java"))
          .sorted()
          .map(p -> JavaFileObjects.forResource(directory + "/" + root.relativize(p).toString().replace('\\', '/')))
          .collect(Collectors.toList());
    }
  }

  /** {@code orders/Divak_OrderResource.java}: where the file is under its package directory. */
  private static String relativePath(JavaFileObject file) {
    String path = file.toUri().getPath();
    return path.substring(path.indexOf("/SOURCE_OUTPUT/") + "/SOURCE_OUTPUT/".length());
  }

  private static Path expectedDir(String name) {
    String base = System.getProperty("divak.golden.dir", "src/test/resources/expected");
    return Paths.get(base, name);
  }

  private static void rewrite(Path dir, List<JavaFileObject> files) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> old = Files.walk(dir)) {
        old.filter(Files::isRegularFile).forEach(p -> {
          try {
            Files.delete(p);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
    for (JavaFileObject file : files) {
      Path target = dir.resolve(relativePath(file));
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getCharContent(true), StandardCharsets.UTF_8);
    }
  }
}
