/** The ids PayEngine and Antom exchange, as validated value types (non-blank, at most 64 characters, no control characters). */
package org.payengine.domain.id;
