package io.kefu.platform.tenant;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.kefu.db.SchemaMigrator.SchemaName;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

/**
 * A tenant's code, e.g. {@code acme-logistics}: lower-case letters, digits and hyphens, starting
 * with a letter, 3 to 31 characters. It is the only input from which a schema name is derived.
 */
public record TenantCode(String value) implements Serializable {

    public static final String FIELD = "code";
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9-]{2,30}");
    /** Kept free for the installation's own host names and paths. */
    private static final Set<String> RESERVED = Set.of("admin", "api", "www", "operator", "platform", "system", "kefu", "public");

    public TenantCode {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new InvalidInputException(FieldError.of(FIELD, "tenant.code.invalid", value));
        }
        if (RESERVED.contains(value)) {
            throw new InvalidInputException(FieldError.of(FIELD, "tenant.code.reserved", value));
        }
    }

    /** Parses user input, trimming it; {@code null} or blank is refused as missing. */
    public static TenantCode parse(String input) {
        return parse(input, FIELD);
    }

    public static TenantCode parse(String input, String field) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(FieldError.of(field, "field.required"));
        }
        try {
            return new TenantCode(input.trim());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(FieldError.of(field, e.errors().get(0).code(), input.trim()));
        }
    }

    /**
     * The tenant's schema: {@code t_} and the code with {@code -} as {@code _}. Codes cannot
     * contain {@code _}, so two codes never share a schema.
     */
    public SchemaName schemaName() {
        return new SchemaName("t_" + value.replace('-', '_'));
    }

    @Override
    public String toString() {
        return value;
    }
}
