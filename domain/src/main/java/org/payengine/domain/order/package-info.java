/**
 * The order aggregate ({@link org.payengine.domain.order.Order}) and everything it owns: payment attempts and
 * their state machine, captures, the refunds that undo duplicates, the merchant's payment options, and the
 * aggregate's refusals ({@link org.payengine.domain.order.OrderRejection}).
 */
package org.payengine.domain.order;
