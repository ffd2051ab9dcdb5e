package io.kefu.platform.ticket;

import java.math.BigDecimal;

/**
 * What a complaint carries beyond a ticket: severity, escalation level (一级/二级/三级), root-cause
 * class, remedy, and compensation where money is involved. Any part may still be unknown.
 */
public record Complaint(Severity severity, Integer escalationLevel, String rootCause, String remedy,
                        BigDecimal compensationAmount, String compensationCurrency) {

    public static final Complaint NONE = new Complaint(null, null, null, null, null, null);
}
