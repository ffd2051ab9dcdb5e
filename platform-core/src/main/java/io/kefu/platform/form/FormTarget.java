package io.kefu.platform.form;

/** What a form's fields are filled in on. */
public enum FormTarget {
    TICKET, CUSTOMER
}
