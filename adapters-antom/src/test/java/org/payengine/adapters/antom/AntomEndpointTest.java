package org.payengine.adapters.antom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.global.api.model.constants.EndPointConstants;
import org.junit.jupiter.api.Test;

class AntomEndpointTest {

    @Test
    void names_antoms_regions_as_its_environment_table_does() {
        assertEquals("https://open-sea-global.alipay.com", AntomEndpoint.of("ASIA", false).toString());
        assertEquals("https://open-na-global.alipay.com", AntomEndpoint.of("north_america", false).toString());
        assertEquals("https://open.antglobal-us.com", AntomEndpoint.of("NORTH_AMERICA_US_MERCHANTS", false).toString());
        assertEquals("https://open-de-global.alipay.com", AntomEndpoint.of("EUROPE", false).toString());
        assertTrue(AntomEndpoint.isRegion("North_America_US_Merchants"));
    }

    @Test
    void keeps_the_sdks_short_names_for_the_same_hosts() {
        assertEquals(EndPointConstants.SG, AntomEndpoint.of("SG", false).toString());
        assertEquals(EndPointConstants.US, AntomEndpoint.of("us", false).toString(),
                "US is the North America host for merchants outside the US");
        assertEquals(EndPointConstants.DE, AntomEndpoint.of(" DE ", false).toString());
        assertTrue(AntomEndpoint.isRegion("us"));
    }

    @Test
    void takes_https_anywhere_and_plain_http_on_loopback() {
        assertEquals("https://antom.proxy.example:8443", AntomEndpoint.of("https://antom.proxy.example:8443/", false).toString());
        assertEquals("http://127.0.0.1:8081", AntomEndpoint.of("http://127.0.0.1:8081", false).toString());
        assertEquals("http://localhost:8081", AntomEndpoint.of("http://localhost:8081", false).toString());
        assertEquals("http://[::1]:8081", AntomEndpoint.of("http://[::1]:8081", false).toString());
    }

    @Test
    void refuses_plain_http_to_other_hosts_unless_allowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AntomEndpoint.of("http://simulator.internal:8081", false));
        assertTrue(e.getMessage().contains("plain HTTP"), e.getMessage());
        assertEquals("http://simulator.internal:8081", AntomEndpoint.of("http://simulator.internal:8081", true).toString());
        assertThrows(IllegalArgumentException.class, () -> AntomEndpoint.of("http://10.0.0.7:8081", false));
    }

    @Test
    void refuses_what_is_not_a_base_url() {
        assertThrows(IllegalArgumentException.class, () -> AntomEndpoint.of("", false));
        assertThrows(IllegalArgumentException.class, () -> AntomEndpoint.of("JP", false));
        assertThrows(IllegalArgumentException.class, () -> AntomEndpoint.of("ftp://host", false));
        IllegalArgumentException withPath = assertThrows(IllegalArgumentException.class,
                () -> AntomEndpoint.of("https://host/prefix", false));
        assertTrue(withPath.getMessage().contains("no path"), withPath.getMessage());
    }
}
