package divak.processor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The list of a package's traced root resources that its {@code DivakResources} registers, kept
 * beside the class files ({@code DivakResources.list} in the package's directory of the class
 * output). A compilation of some of the package's sources only (an IDE, Maven without incremental
 * compilation) reads it to keep the resources it does not see, as AutoService keeps the entries of
 * {@code META-INF/services} files.
 */
final class ResourceIndex {
  static final String FILE = "DivakResources.list";

  private final Filer filer;

  ResourceIndex(Filer filer) {
    this.filer = filer;
  }

  /** The qualified names of the classes listed for {@code packageName}; empty when there is no list. */
  SortedSet<String> read(String packageName) {
    SortedSet<String> names = new TreeSet<>();
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, packageName, FILE);
      try (Reader in = new InputStreamReader(file.openInputStream(), StandardCharsets.UTF_8);
          BufferedReader lines = new BufferedReader(in)) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          line = line.trim();
          if (!line.isEmpty() && !line.startsWith("#")) names.add(line);
        }
      }
    } catch (IOException | IllegalArgumentException noList) {
      // No list yet (a first or clean build), or a class output the filer cannot read from.
    }
    return names;
  }

  /** Writes the list of {@code packageName}: the qualified names of its traced root resources. */
  void write(String packageName, Collection<String> originals, Element... originatingElements)
      throws IOException {
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, packageName, FILE, originatingElements);
    try (Writer out = file.openWriter()) {
      out.write("# The traced root resources that DivakResources registers, written by divak-processor.\n");
      out.write("# A compilation of part of the package keeps those it does not compile.\n");
      for (String original : originals) out.write(original + "\n");
    }
  }
}
