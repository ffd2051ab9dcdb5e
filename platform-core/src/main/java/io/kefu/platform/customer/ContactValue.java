package io.kefu.platform.customer;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Pattern;

import io.kefu.platform.identity.EmailAddress;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

/**
 * A checked contact value of one kind, normalised for storage. Input typed with a Chinese input
 * method (full-width digits, ＋, ＠) is folded to ASCII first (NFKC) except in addresses, where
 * full-width punctuation is the norm.
 */
public record ContactValue(ContactKind kind, DocumentType documentType, String value) {

    public static final int MAX_ADDRESS = 500;
    public static final int MAX_LABEL = 50;

    static final String PHONE_INVALID = "customer.contact.phone.invalid";
    static final String ID_INVALID = "customer.contact.id-number.invalid";
    static final String ID_CHECKSUM = "customer.contact.id-number.checksum";
    static final String DOCUMENT_INVALID = "customer.contact.document.invalid";
    static final String ADDRESS_LENGTH = "customer.contact.address.length";
    static final String DOCUMENT_TYPE_NOT_APPLICABLE = "customer.contact.document-type.not-applicable";
    static final String LABEL_LENGTH = "customer.contact.label.length";

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]([0-9 \\-]*[0-9])?");
    private static final Pattern DOCUMENT = Pattern.compile("[A-Z0-9]{5,30}");

    /**
     * Checks {@code input} as a contact of {@code kind}. {@code documentType} applies to ID
     * numbers only (default: Chinese resident ID) and must be null for the other kinds.
     * Field errors name {@code valueField} and {@code documentTypeField}.
     */
    public static ContactValue parse(ContactKind kind, DocumentType documentType, String input,
                                     String valueField, String documentTypeField) {
        if (kind != ContactKind.ID_NUMBER && documentType != null) {
            throw new InvalidInputException(FieldError.of(documentTypeField, DOCUMENT_TYPE_NOT_APPLICABLE, kind.name()));
        }
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(FieldError.of(valueField, "field.required"));
        }
        return switch (kind) {
            case PHONE -> new ContactValue(kind, null, phone(input, valueField));
            case EMAIL -> new ContactValue(kind, null, EmailAddress.parse(ascii(input), valueField).value());
            case ADDRESS -> new ContactValue(kind, null, address(input, valueField));
            case ID_NUMBER -> {
                DocumentType doc = documentType == null ? DocumentType.CN_RESIDENT_ID : documentType;
                yield new ContactValue(kind, doc, idNumber(doc, input, valueField));
            }
        };
    }

    /** A label such as "mobile" or "office"; null when blank. */
    public static String label(String input, String field) {
        if (input == null || input.isBlank()) {
            return null;
        }
        String v = input.strip().replaceAll("\\s+", " ");
        if (v.codePointCount(0, v.length()) > MAX_LABEL) {
            throw new InvalidInputException(FieldError.of(field, LABEL_LENGTH, MAX_LABEL));
        }
        return v;
    }

    /**
     * What makes two contacts of a customer the same: the digits of a phone number, an e-mail
     * address in lower case, the rest as stored.
     */
    String sameness() {
        return kind + ":" + (documentType == null ? "" : documentType) + ":" + switch (kind) {
            case PHONE -> value.replaceAll("[^0-9+]", "");
            case EMAIL -> value.toLowerCase(Locale.ROOT);
            default -> value;
        };
    }

    private static String phone(String input, String field) {
        String v = ascii(input).strip().replaceAll("\\s+", " ");
        long digits = v.chars().filter(Character::isDigit).count();
        if (!PHONE.matcher(v).matches() || digits < 5 || digits > 20) {
            // The value is not echoed: refusals travel through logs and proxies, personal data should not.
            throw new InvalidInputException(FieldError.of(field, PHONE_INVALID));
        }
        return v;
    }

    private static String address(String input, String field) {
        String v = input.replaceAll("\\p{Cntrl}", " ").strip().replaceAll("\\s+", " ");
        if (v.isEmpty()) {
            throw new InvalidInputException(FieldError.of(field, "field.required"));
        }
        if (v.codePointCount(0, v.length()) > MAX_ADDRESS) {
            throw new InvalidInputException(FieldError.of(field, ADDRESS_LENGTH, MAX_ADDRESS));
        }
        return v;
    }

    private static String idNumber(DocumentType doc, String input, String field) {
        // Numbers are read out and typed in groups ("110105 19491231 002X"): spaces carry nothing.
        String v = ascii(input).replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (doc == DocumentType.CN_RESIDENT_ID) {
            return switch (ChineseResidentId.check(v, LocalDate.now(ZoneOffset.ofHours(8)))) {
                case VALID -> v;
                case MALFORMED -> throw new InvalidInputException(FieldError.of(field, ID_INVALID));
                case WRONG_CHECK -> throw new InvalidInputException(FieldError.of(field, ID_CHECKSUM));
            };
        }
        if (!DOCUMENT.matcher(v).matches()) {
            throw new InvalidInputException(FieldError.of(field, DOCUMENT_INVALID));
        }
        return v;
    }

    private static String ascii(String input) {
        return Normalizer.normalize(input, Normalizer.Form.NFKC);
    }
}
