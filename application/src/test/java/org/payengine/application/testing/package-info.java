/**
 * Test support shipped in this module's test-jar: in-memory twins of every port (thread-safe, optimistic, retried
 * on conflict), a stateful fake Antom gateway, a fake notification decoder, a test clock, predictable ids, the
 * whole engine wired in memory ({@link org.payengine.application.testing.InMemoryEngine}), and abstract contract
 * tests ({@code *Contract}) for store and gateway adapters.
 */
package org.payengine.application.testing;
