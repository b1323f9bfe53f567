/**
 * The demo's frontend service: orders, each of which calls the backend for the stock of its
 * items through a traced {@code Client}, synchronously and asynchronously.
 */
package divak.samples.frontend;
