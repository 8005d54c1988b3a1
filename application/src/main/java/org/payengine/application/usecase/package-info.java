/**
 * The use cases, one public method each, taking record commands and answering specific results or refusals.
 * State is written before Antom is called, Antom is called outside any transaction, and every answer is applied
 * through the same fact path, so a crash or a timeout loses nothing and a timeout is never a failure.
 */
package org.payengine.application.usecase;
