package io.kefu.platform.customer;

/**
 * What a list of customers is narrowed to; null fields do not narrow. {@code text} is looked for,
 * case-insensitively, inside the name and the external id.
 */
public record CustomerFilter(String text, String grade, CustomerStatus status, CustomerType type) {

    public static final CustomerFilter ALL = new CustomerFilter(null, null, null, null);
}
