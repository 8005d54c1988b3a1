/**
 * The application core: the use cases ({@code usecase}) and the ports adapters implement ({@code port}). Depends
 * on the domain and {@code jakarta.inject} only.
 */
package org.payengine.application;
