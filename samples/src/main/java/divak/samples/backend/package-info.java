/**
 * The demo's backend service: stock levels per SKU, with a traced service class whose methods
 * run in child spans of the request's span.
 */
package divak.samples.backend;
