/**
 * Domain events for the embedding application ("order paid — ship it", "needs review"), stored with the state
 * change that raised them and delivered at least once, in order per order.
 */
package org.payengine.domain.event;
