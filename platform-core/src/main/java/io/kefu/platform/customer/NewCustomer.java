package io.kefu.platform.customer;

import java.util.List;

/**
 * A customer to create, as a client sends it (unchecked text). Omitted: type INDIVIDUAL (the
 * careful default: a person's data is treated as personal), status CURRENT, no grade.
 */
public record NewCustomer(String type, String name, String grade, String status, String externalId, List<NewContact> contacts,
                          jakarta.json.JsonObject fields) {

    @Override
    public String toString() {
        // Never log personal data by accident.
        return "NewCustomer[type=" + type + ", contacts=" + (contacts == null ? 0 : contacts.size()) + "]";
    }
}
