package org.payengine.adapters.antom;

import com.alibaba.fastjson.JSONObject;
import com.alipay.global.api.response.AlipayResponse;

/**
 * One verified answer from Antom: the SDK's model of it, and the same body as a JSON object for
 * the fields the 2.0.45 models lack.
 */
record AntomAnswer<T extends AlipayResponse>(T model, JSONObject json) {
}
