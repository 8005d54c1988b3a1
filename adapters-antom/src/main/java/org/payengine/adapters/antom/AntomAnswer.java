package org.payengine.adapters.antom;

import com.alibaba.fastjson.JSONObject;
import com.alipay.global.api.response.AlipayResponse;

/**
 * One answer from Antom: the SDK's model of it, and the same body as a JSON object for the fields
 * the 2.0.45 models lack.
 *
 * @param signed true when Antom signed the answer and the signature verified; false for an answer
 *               without signature headers whose result status is {@code F} or {@code U} — the form
 *               in which Antom's gateway answers its own errors
 */
record AntomAnswer<T extends AlipayResponse>(T model, JSONObject json, boolean signed) {
}
