/** SHA256withRSA signatures as Antom makes them, RSA keys in PEM or Base64, and a self-signed TLS certificate encoded in DER. */
package org.payengine.simulator.crypto;
