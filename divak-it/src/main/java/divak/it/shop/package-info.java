/**
 * Annotated resources that the divak processor decorates in this module's normal build: one of
 * each shape the integration tests serve, decorated and undecorated, on Jersey and RESTEasy.
 */
package divak.it.shop;
