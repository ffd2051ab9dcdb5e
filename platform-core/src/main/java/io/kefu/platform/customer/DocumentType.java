package io.kefu.platform.customer;

/** The identity document an {@link ContactKind#ID_NUMBER} belongs to; decides how its number is checked. */
public enum DocumentType {
    /** 居民身份证: 18 characters with the GB 11643 check character (ISO 7064 MOD 11-2). */
    CN_RESIDENT_ID,
    /** Any passport: 5 to 30 letters and digits. */
    PASSPORT,
    /** Other documents (Hong Kong/Macau/Taiwan permits, foreigners' residence permits...): 5 to 30 letters and digits. */
    OTHER
}
