package org.payengine.adapters.antom;

import static com.alipay.global.api.model.ResultStatusType.F;
import static com.alipay.global.api.model.ResultStatusType.S;
import static com.alipay.global.api.model.ResultStatusType.U;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.adapters.antom.ResultCodeTable.Disposition.FAILED;
import static org.payengine.adapters.antom.ResultCodeTable.Disposition.INQUIRE_FIRST;
import static org.payengine.adapters.antom.ResultCodeTable.Disposition.IN_PROCESS;
import static org.payengine.adapters.antom.ResultCodeTable.Disposition.RESEND_SAME_ID;
import static org.payengine.adapters.antom.ResultCodeTable.Disposition.SUCCEEDED;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultCodeTableTest {

    private final ResultCodeTable table = ResultCodeTable.antom();

    @Test
    void antoms_common_codes_apply_to_every_api() {
        List<String> common = List.of("SUCCESS", "PARAM_ILLEGAL", "ACCESS_DENIED", "INVALID_SIGNATURE", "KEY_NOT_FOUND",
                "INVALID_CLIENT", "CLIENT_INVALID", "INVALID_CLIENT_STATUS", "CLIENT_FORBIDDEN_ACCESS_API", "INVALID_API",
                "NO_INTERFACE_DEF", "API_INVALID", "MEDIA_TYPE_NOT_ACCEPTABLE", "METHOD_NOT_SUPPORTED",
                "CURRENCY_NOT_SUPPORT", "PROCESS_FAIL", "UNKNOWN_EXCEPTION", "REQUEST_TRAFFIC_EXCEED_LIMIT");
        for (AntomApi api : AntomApi.values()) {
            for (String code : common) {
                assertTrue(table.lists(api, code), api + " " + code);
            }
            assertEquals(SUCCEEDED, table.dispositionOf(api, "SUCCESS", S));
            assertEquals(FAILED, table.dispositionOf(api, "PARAM_ILLEGAL", F));
            assertEquals(RESEND_SAME_ID, table.dispositionOf(api, "UNKNOWN_EXCEPTION", U));
            assertEquals(RESEND_SAME_ID, table.dispositionOf(api, "REQUEST_TRAFFIC_EXCEED_LIMIT", U));
        }
    }

    @Test
    void in_process_codes_are_neither_failures_nor_resent() {
        assertEquals(IN_PROCESS, table.dispositionOf(AntomApi.PAY, "PAYMENT_IN_PROCESS", U));
        assertEquals(IN_PROCESS, table.dispositionOf(AntomApi.CAPTURE, "CAPTURE_IN_PROCESS", U));
        assertEquals(IN_PROCESS, table.dispositionOf(AntomApi.REFUND, "REFUND_IN_PROCESS", U));
    }

    @Test
    void a_repeated_request_id_with_other_content_is_not_a_failure_of_the_earlier_request() {
        assertEquals(INQUIRE_FIRST, table.dispositionOf(AntomApi.PAY, "REPEAT_REQ_INCONSISTENT", F));
        assertEquals(INQUIRE_FIRST, table.dispositionOf(AntomApi.CAPTURE, "REPEAT_REQ_INCONSISTENT", F));
        assertEquals(INQUIRE_FIRST, table.dispositionOf(AntomApi.REFUND, "REPEAT_REQ_INCONSISTENT", F));
    }

    @Test
    void api_specific_definite_failures() {
        assertEquals(FAILED, table.dispositionOf(AntomApi.PAY, "RISK_REJECT", F));
        assertEquals(FAILED, table.dispositionOf(AntomApi.CAPTURE, "CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT", F));
        assertEquals(FAILED, table.dispositionOf(AntomApi.CANCEL, "CANCEL_WINDOW_EXCEED", F));
        assertEquals(FAILED, table.dispositionOf(AntomApi.REFUND, "REFUND_AMOUNT_EXCEED", F));
        assertEquals(FAILED, table.dispositionOf(AntomApi.INQUIRY_PAYMENT, "ORDER_NOT_EXIST", F));
    }

    @Test
    void unlisted_codes_are_taken_at_their_status_and_an_unlisted_u_is_never_a_failure() {
        assertEquals(FAILED, table.dispositionOf(AntomApi.PAY, "SOME_NEW_DECLINE", F));
        assertEquals(SUCCEEDED, table.dispositionOf(AntomApi.PAY, "SOME_NEW_SUCCESS", S));
        for (AntomApi api : AntomApi.values()) {
            assertEquals(INQUIRE_FIRST, table.dispositionOf(api, "SOME_NEW_UNKNOWN", U));
        }
    }

    @Test
    void a_code_with_a_status_other_than_the_table_says_is_taken_at_its_status() {
        // PAYMENT_IN_PROCESS is U; should Antom ever send it with S, S wins — and with F, never a resend
        assertEquals(SUCCEEDED, table.dispositionOf(AntomApi.PAY, "PAYMENT_IN_PROCESS", S));
        assertEquals(INQUIRE_FIRST, table.dispositionOf(AntomApi.PAY, "PARAM_ILLEGAL", U));
    }
}
