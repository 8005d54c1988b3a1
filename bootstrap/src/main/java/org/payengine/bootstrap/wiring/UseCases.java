package org.payengine.bootstrap.wiring;

import org.payengine.application.usecase.ApplyPaymentFacts;
import org.payengine.application.usecase.CancelPayment;
import org.payengine.application.usecase.CapturePayment;
import org.payengine.application.usecase.GetRefund;
import org.payengine.application.usecase.RefundPayment;
import org.payengine.application.usecase.CloseOrder;
import org.payengine.application.usecase.CreateOrGetOrder;
import org.payengine.application.usecase.GetOrder;
import org.payengine.application.usecase.GetPayment;
import org.payengine.application.usecase.HandleNotification;
import org.payengine.application.usecase.ListOrders;
import org.payengine.application.usecase.ListPaymentMethods;
import org.payengine.application.usecase.ListPayments;
import org.payengine.application.usecase.PublishEvents;
import org.payengine.application.usecase.RemediateDuplicate;
import org.payengine.application.usecase.StartPayment;
import org.payengine.application.usecase.SyncPayment;

/** The application's use cases, as both components provide them (each call builds a new, stateless one). */
public interface UseCases {

    CreateOrGetOrder createOrGetOrder();

    GetOrder getOrder();

    ListOrders listOrders();

    ListPayments listPayments();

    CloseOrder closeOrder();

    StartPayment startPayment();

    GetPayment getPayment();

    SyncPayment syncPayment();

    CapturePayment capturePayment();

    CancelPayment cancelPayment();

    RefundPayment refundPayment();

    GetRefund getRefund();

    ListPaymentMethods listPaymentMethods();

    HandleNotification handleNotification();

    ApplyPaymentFacts applyPaymentFacts();

    RemediateDuplicate remediateDuplicate();

    PublishEvents publishEvents();
}
