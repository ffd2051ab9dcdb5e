package io.kefu.platform.ticket;

/** Where the request came in. */
public enum Channel {
    PHONE, WEB, APP, EMAIL, SOCIAL, COUNTER, API
}
