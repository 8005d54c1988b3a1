/** The sandbox control API ({@code /sandbox/...}) and its Java counterpart. */
package org.payengine.simulator.control;
