package io.kefu.platform.form;

/** One choice of a SINGLE_CHOICE or MULTI_CHOICE field: the stored value and its label. */
public record Option(String value, LocalizedText label) {
}
