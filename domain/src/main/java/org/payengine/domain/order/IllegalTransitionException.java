package org.payengine.domain.order;

/**
 * The aggregate was about to make a move its state machine forbids. Facts that contradict an attempt
 * are set aside for review before this could happen, so this exception always means a bug.
 */
public class IllegalTransitionException extends IllegalStateException {

    public IllegalTransitionException(String subject, Object from, Object to, String cause) {
        super(subject + " cannot move from " + from + " to " + to + " (" + cause + ")");
    }
}
