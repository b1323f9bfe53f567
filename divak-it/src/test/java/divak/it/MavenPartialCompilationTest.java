package divak.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import divak.Decorators;
import divak.annotations.Traced;
import divak.processor.DivakProcessor;
import jakarta.ws.rs.Path;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Maven compiler plugin with incremental compilation off compiles only the source that
 * changed ("Compiling 1 source file"); the {@code DivakResources} it leaves must still register
 * every resource of the package. Runs {@code mvn} (offline, from the local repository this build
 * uses) on a small project in {@code src/test/resources/maven-partial}.
 */
class MavenPartialCompilationTest {
  @TempDir
  java.nio.file.Path project;

  @Test
  void recompilingOneResourceKeepsTheOthers() throws Exception {
    copyFixture();
    String first = mvn();
    assertThat(first).contains("Compiling 2 source files");
    assertThat(registered()).containsExactly("shop.Divak_AuthorResource", "shop.Divak_BookResource");

    java.nio.file.Path authors = project.resolve("src/main/java/shop/AuthorResource.java");
    Files.writeString(authors, Files.readString(authors).replace("\"authors\"", "\"all authors\""));
    Files.setLastModifiedTime(authors, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    String second = mvn();

    assertThat(second).as("only the changed source is compiled").contains("Compiling 1 source file");
    assertThat(registered()).containsExactly("shop.Divak_AuthorResource", "shop.Divak_BookResource");
  }

  private void copyFixture() throws IOException, URISyntaxException {
    java.nio.file.Path fixture = Paths.get(getClass().getResource("/maven-partial/pom.xml").toURI()).getParent();
    try (Stream<java.nio.file.Path> files = Files.walk(fixture)) {
      for (java.nio.file.Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
        java.nio.file.Path target = project.resolve(fixture.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }

  /** One {@code mvn compile}, offline; its output. Fails with the output when the build does. */
  private String mvn() throws IOException, InterruptedException {
    String processorPath = Stream.of(DivakProcessor.class, Traced.class, JavaFile.class)
        .map(MavenPartialCompilationTest::location)
        .collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>(List.of(
        "mvn", "-B", "-o", "-ntp", "-f", project.resolve("pom.xml").toString(),
        "org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile",
        "-Dmaven.compiler.useIncrementalCompilation=false",
        "-Ddivak.annotations=" + location(Traced.class),
        "-Ddivak.runtime=" + location(Decorators.class),
        "-Ddivak.jaxrs.api=" + location(Path.class),
        "-Ddivak.processorpath=" + processorPath));
    java.nio.file.Path log = project.resolve("mvn.log");
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new AssertionError("this test runs Maven: put mvn (3.8 or later) on the PATH", e);
    }
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("mvn finished").isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("mvn failed:%n%s", output).isZero();
    return output;
  }

  private Set<String> registered() throws Exception {
    URL[] urls = {project.resolve("target/classes").toUri().toURL()};
    try (URLClassLoader loader = new URLClassLoader(urls, getClass().getClassLoader())) {
      Object classes = loader.loadClass("shop.DivakResources").getMethod("classes").invoke(null);
      return ((Set<?>) classes).stream()
          .map(c -> ((Class<?>) c).getName())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static String location(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getAbsolutePath();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
