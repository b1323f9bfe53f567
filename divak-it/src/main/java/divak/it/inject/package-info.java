/**
 * A traced resource built by the container's dependency injection through an {@code @Inject}
 * constructor, to show that the decorator keeps the constructor injectable.
 */
package divak.it.inject;
