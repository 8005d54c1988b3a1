package org.payengine.domain.order;

import org.payengine.domain.MerchantText;

/** What the buyer's browser tells, used by Antom for 3-D Secure and risk control (Antom's {@code env.browserInfo}). */
public record BrowserInfo(String acceptHeader, Boolean javaEnabled, Boolean javaScriptEnabled, String language,
                          String userAgent) {

    public BrowserInfo {
        acceptHeader = MerchantText.optional("browserInfo.acceptHeader", acceptHeader, 2048);
        language = MerchantText.optional("browserInfo.language", language, 32);
        userAgent = MerchantText.optional("browserInfo.userAgent", userAgent, 2048);
    }
}
