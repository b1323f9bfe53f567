package divak.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DivakResources} after a compilation of part of a package, as an IDE or Maven without
 * incremental compilation runs it: two javac runs into one class output, the second with only the
 * changed source and the class output on its class path. What the generated feature registers is
 * read from the compiled class, as a container would.
 */
class PartialCompilationTest {
  private static final String BOOKS = "package shop;\n\n"
      + "import divak.annotations.Traced;\nimport jakarta.ws.rs.GET;\nimport jakarta.ws.rs.Path;\n\n"
      + "@Path(\"/books\")\n%s\npublic class BookResource {\n"
      + "  @GET\n  public String list() {\n    return \"books\";\n  }\n}\n";
  private static final String AUTHORS = "package shop;\n\n"
      + "import divak.annotations.Traced;\nimport jakarta.ws.rs.GET;\nimport jakarta.ws.rs.Path;\n\n"
      + "@Path(\"/authors\")\n@Traced\npublic class AuthorResource {\n"
      + "  @GET\n  public String list() {\n    return \"%s\";\n  }\n}\n";

  @TempDir
  Path dir;

  @Test
  void recompilingOneResourceKeepsTheOthers() throws Exception {
    Path books = source("BookResource", String.format(BOOKS, "@Traced"));
    Path authors = source("AuthorResource", String.format(AUTHORS, "authors"));
    compile(books, authors);
    assertThat(registered()).containsExactly("shop.Divak_AuthorResource", "shop.Divak_BookResource");

    Files.writeString(authors, String.format(AUTHORS, "all authors"));
    compile(authors);

    assertThat(registered()).containsExactly("shop.Divak_AuthorResource", "shop.Divak_BookResource");
  }

  @Test
  void aResourceNoLongerTracedIsDropped() throws Exception {
    Path books = source("BookResource", String.format(BOOKS, "@Traced"));
    Path authors = source("AuthorResource", String.format(AUTHORS, "authors"));
    compile(books, authors);

    Files.writeString(books, String.format(BOOKS, ""));
    compile(books);

    assertThat(registered()).containsExactly("shop.Divak_AuthorResource");
  }

  @Test
  void aResourceWhoseClassIsGoneIsDropped() throws Exception {
    Path books = source("BookResource", String.format(BOOKS, "@Traced"));
    Path authors = source("AuthorResource", String.format(AUTHORS, "authors"));
    compile(books, authors);

    // What an IDE does when the source is deleted: its classes go too.
    Files.delete(books);
    Files.delete(dir.resolve("classes/shop/BookResource.class"));
    Files.delete(dir.resolve("classes/shop/Divak_BookResource.class"));
    compile(authors);

    assertThat(registered()).containsExactly("shop.Divak_AuthorResource");
  }

  private Path source(String name, String text) throws IOException {
    Path file = dir.resolve("src/shop/" + name + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** One javac run, as a build tool runs it: the class output is also on the class path. */
  private void compile(Path... sources) throws IOException {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path generated = Files.createDirectories(dir.resolve("generated"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(sources);
      String classpath = classes + File.pathSeparator + System.getProperty("java.class.path");
      JavaCompiler.CompilationTask task = javac.getTask(out, files, null,
          List.of("-d", classes.toString(), "-s", generated.toString(), "-cp", classpath, "-Xlint:all",
              "-Xlint:-processing"),
          null, units);
      task.setProcessors(List.of(new DivakProcessor()));
      boolean success = task.call();
      assertThat(out.toString()).as("javac output").isEmpty();
      assertThat(success).isTrue();
    }
  }

  /** The decorators that the compiled {@code shop.DivakResources} registers, by name. */
  private Set<String> registered() throws Exception {
    URL[] urls = {dir.resolve("classes").toUri().toURL()};
    try (URLClassLoader loader = new URLClassLoader(urls, getClass().getClassLoader())) {
      Object classes = loader.loadClass("shop.DivakResources").getMethod("classes").invoke(null);
      return ((Set<?>) classes).stream()
          .map(c -> ((Class<?>) c).getName())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
