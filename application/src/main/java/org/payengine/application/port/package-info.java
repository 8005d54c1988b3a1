/**
 * The ports: what the use cases need from the outside, in domain terms only (no SDK, JDBC, HTTP or JSON type,
 * no library's checked exception). Each interface documents its contract; the test-jar of this module holds an
 * in-memory twin of each and abstract contract tests an adapter extends to prove itself.
 */
package org.payengine.application.port;
