package org.payengine.application.usecase;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.payengine.application.port.Clock;
import org.payengine.application.port.Orders;
import org.payengine.application.port.Transactions;
import org.payengine.application.usecase.UseCaseRejection.OrderConflict;
import org.payengine.domain.Result;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.CardCurrencies;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.GoodsLine;
import org.payengine.domain.order.Order;
import org.payengine.domain.order.OrderSnapshot;

/**
 * Creates an order, or returns the existing one: idempotent by reference order id. The same id with the
 * same contents returns the order as it is now; the same id with other contents is refused as a conflict.
 * Safe under concurrent calls with the same id (one creates, the others get it).
 */
public final class CreateOrGetOrder {

    private final Transactions transactions;
    private final Orders orders;
    private final Clock clock;

    @Inject
    public CreateOrGetOrder(Transactions transactions, Orders orders, Clock clock) {
        this.transactions = transactions;
        this.orders = orders;
        this.clock = clock;
    }

    /** @return the order and whether this call created it, or {@link OrderConflict} */
    public Result<Created> createOrGet(Command command) {
        return transactions.inTransaction(() -> {
            Optional<Order> existing = orders.findByReferenceOrderId(command.id());
            if (existing.isPresent()) {
                OrderSnapshot order = existing.get().snapshot();
                List<String> differences = command.differencesFrom(order);
                return differences.isEmpty()
                        ? Result.accepted(new Created(order, false))
                        : Result.refused(new OrderConflict(command.id(), String.join(", ", differences)));
            }
            Order order = Order.create(command.id(), command.amount(), command.description(), command.buyer(),
                    command.goods(), clock.now());
            orders.save(order);
            return Result.accepted(new Created(order.snapshot().withVersion(1), true));
        });
    }

    /**
     * The order to create; invalid values are refused by the domain types with
     * {@link org.payengine.domain.InvalidValueException}, and so is a currency Antom takes no card payments in
     * ({@link CardCurrencies}).
     */
    public record Command(ReferenceOrderId id, Money amount, String description, Buyer buyer, List<GoodsLine> goods) {
        public Command {
            Objects.requireNonNull(id, "referenceOrderId");
            Objects.requireNonNull(amount, "amount");
            CardCurrencies.requireAccepted("amount.currency", amount.currency());
            buyer = buyer == null ? Buyer.ANONYMOUS : buyer;
            goods = goods == null ? List.of() : List.copyOf(goods);
        }

        List<String> differencesFrom(OrderSnapshot order) {
            List<String> differences = new ArrayList<>();
            if (!amount.equals(order.amount())) {
                differences.add("amount " + order.amount() + " vs " + amount);
            }
            if (!Objects.equals(description, order.description())) {
                differences.add("description");
            }
            if (!buyer.equals(order.buyer())) {
                differences.add("buyer");
            }
            if (!goods.equals(order.goods())) {
                differences.add("goods");
            }
            return differences;
        }
    }

    /** @param created whether this call created the order (the merchant API answers 201 rather than 200) */
    public record Created(OrderSnapshot order, boolean created) {
    }
}
