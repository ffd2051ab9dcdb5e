package io.kefu.platform.customer;

/** The kinds of contact data Kefu keeps; each is personal information, validated and masked by kind. */
public enum ContactKind {
    PHONE,
    EMAIL,
    ADDRESS,
    /** An identity document's number; which document is in {@link DocumentType}. */
    ID_NUMBER
}
