package divak.samples.quarkus;

/** A book of the sample's shelf. */
public record Book(String id, String title) {
}
