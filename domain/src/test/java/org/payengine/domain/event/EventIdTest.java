package org.payengine.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.domain.testing.Fixtures.automaticCapture;
import static org.payengine.domain.testing.Fixtures.automaticCaptureSucceeded;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.testing.OrderProbe;

class EventIdTest {

    @Test
    public void events_of_one_save_are_numbered_in_order_under_the_version_being_written() {
        OrderProbe probe = OrderProbe.newOrder();
        probe.pending("pay-1", automaticCapture());
        probe.apply(automaticCaptureSucceeded(PaymentRequestId.of("pay-1")));

        List<DomainEvent> events = probe.order().pendingEvents();

        assertEquals(2, events.size());
        assertEquals(new EventId(probe.order().id(), 1, 0), events.get(0).id());
        assertEquals(new EventId(probe.order().id(), 1, 1), events.get(1).id());
        assertTrue(events.get(0).id().compareTo(events.get(1).id()) < 0);
    }

    @Test
    public void an_event_id_reads_back_from_its_text_even_when_the_order_id_has_hashes() {
        EventId id = new EventId(ReferenceOrderId.of("order#7.1"), 12, 3);

        assertEquals("order#7.1#12.3", id.value());
        assertEquals(id, EventId.parse(id.value()));
    }
}
