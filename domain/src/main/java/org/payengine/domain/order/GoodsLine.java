package org.payengine.domain.order;

import java.util.Objects;
import org.payengine.domain.InvalidValueException;
import org.payengine.domain.MerchantText;
import org.payengine.domain.money.Money;

/** One line of the goods an order is for (Antom's {@code order.goods[]}). */
public record GoodsLine(String referenceGoodsId, String name, Money unitAmount, int quantity, String category,
                        String brand) {

    public GoodsLine {
        referenceGoodsId = MerchantText.required("goods.referenceGoodsId", referenceGoodsId, 64);
        name = MerchantText.required("goods.goodsName", name, 256);
        Objects.requireNonNull(unitAmount, "goods.goodsUnitAmount");
        if (quantity < 1) {
            throw new InvalidValueException("goods.goodsQuantity", "must be at least 1, was " + quantity);
        }
        category = MerchantText.optional("goods.goodsCategory", category, 64);
        brand = MerchantText.optional("goods.goodsBrand", brand, 128);
    }

    public Money total() {
        return unitAmount.times(quantity);
    }
}
