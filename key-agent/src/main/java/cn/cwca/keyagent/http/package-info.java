/**
 * The loopback HTTP API (v1) for the portal's pages: request guard (Host, Origin, CORS and
 * private-network preflights, content type, size) and the JSON endpoints.
 */
package cn.cwca.keyagent.http;
