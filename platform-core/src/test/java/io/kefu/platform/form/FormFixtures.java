package io.kefu.platform.form;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

/** Shared helpers of the form tests: JSON written with single quotes, errors as field → code. */
final class FormFixtures {

    private FormFixtures() {
    }

    static JsonObject json(String singleQuoted) {
        return Json.createReader(new StringReader(singleQuoted.replace('\'', '"'))).readObject();
    }

    /** One form holding the given fields (single-quoted JSON objects). */
    static Form form(String... fields) {
        return FormDocument.parseForm(("{'key':'f','target':'TICKET','label':{'zh-CN':'表','en':'Form'},'fields':["
                + String.join(",", fields) + "]}").replace('\'', '"'));
    }

    static FieldDefinition field(String singleQuoted) {
        return form(singleQuoted).fields().get(0);
    }

    static Map<String, String> codes(List<FieldError> errors) {
        Map<String, String> m = new LinkedHashMap<>();
        errors.forEach(e -> m.put(e.field(), e.code()));
        return m;
    }

    static Map<String, String> errors(Supplier<?> call) {
        try {
            call.get();
        } catch (InvalidInputException e) {
            return codes(e.errors());
        }
        throw new AssertionError("expected an InvalidInputException");
    }

    static List<FieldError> errorList(Supplier<?> call) {
        try {
            call.get();
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("expected an InvalidInputException");
    }

    static final String LABEL = "'label':{'zh-CN':'字段','en':'Field'}";
}
