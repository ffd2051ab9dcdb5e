package io.kefu.ui.customer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.kefu.platform.customer.ContactKind;
import io.kefu.platform.customer.CustomerChanges;
import io.kefu.platform.customer.CustomerDetails;
import io.kefu.platform.customer.CustomerPage;
import io.kefu.platform.customer.CustomerQuery;
import io.kefu.platform.customer.CustomerStatus;
import io.kefu.platform.customer.CustomerType;
import io.kefu.platform.customer.Customers;
import io.kefu.platform.customer.Grades;
import io.kefu.platform.customer.Masking;
import io.kefu.platform.customer.NewContact;
import io.kefu.platform.customer.NewCustomer;
import io.kefu.platform.customer.PageCursor;
import io.kefu.platform.form.FieldValues;
import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.ForbiddenException;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.NotFoundException;

/**
 * One tenant's customers in memory, answering as the platform's {@link Customers} does: keyset
 * pages in creation order, contacts masked unless revealed (refused to agents), versions checked
 * on change. Records what the views asked.
 */
class FakeCustomers extends Customers {

    final List<CustomerDetails> stored = new ArrayList<>();
    final List<CustomerQuery> queries = new ArrayList<>();
    final List<String> reveals = new ArrayList<>();
    final List<NewCustomer> created = new ArrayList<>();
    final List<CustomerChanges> changes = new ArrayList<>();
    boolean callerIsAgent;
    private int clock;

    CustomerDetails add(String name, String grade, CustomerStatus status, String phone, String email) {
        List<CustomerDetails.Contact> contacts = new ArrayList<>();
        if (phone != null) {
            contacts.add(new CustomerDetails.Contact(UUID.randomUUID().toString(), ContactKind.PHONE, null, phone, null, true));
        }
        if (email != null) {
            contacts.add(new CustomerDetails.Contact(UUID.randomUUID().toString(), ContactKind.EMAIL, null, email, "work", true));
        }
        OffsetDateTime at = OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMinutes(clock++);
        CustomerDetails c = new CustomerDetails(UUID.randomUUID().toString(), CustomerType.INDIVIDUAL, name, false, grade, status,
                null, contacts, at, at, 1, true, new FieldValues.Shown(jakarta.json.Json.createObjectBuilder().build(), null));
        stored.add(c);
        return c;
    }

    /** Someone else's save: the stored customer moves on a version. */
    void changedElsewhere(String id, String name, String grade, CustomerStatus status) {
        CustomerDetails c = find(id);
        replace(new CustomerDetails(c.id(), c.type(), name, false, grade, status, c.externalId(), c.contacts(), c.createdAt(),
                OffsetDateTime.now(ZoneOffset.UTC), c.version() + 1, true, c.fields()));
    }

    void fields(String id, jakarta.json.JsonObject values) {
        CustomerDetails c = find(id);
        replace(new CustomerDetails(c.id(), c.type(), c.name(), false, c.grade(), c.status(), c.externalId(), c.contacts(),
                c.createdAt(), c.updatedAt(), c.version(), true, new FieldValues.Shown(values, null)));
    }

    @Override
    public Grades grades() {
        return new Grades(List.of("VIP", "A", "B", "C"));
    }

    @Override
    public CustomerPage list(CustomerQuery query) {
        queries.add(query);
        String text = query.filter().text() == null ? null : query.filter().text().toLowerCase(Locale.ROOT);
        List<CustomerDetails> matching = stored.stream()
                .filter(c -> text == null || c.name().toLowerCase(Locale.ROOT).contains(text))
                .filter(c -> query.filter().grade() == null || query.filter().grade().equals(c.grade()))
                .filter(c -> query.filter().status() == null || query.filter().status() == c.status())
                .filter(c -> query.filter().type() == null || query.filter().type() == c.type())
                .filter(c -> query.after() == null || c.createdAt().isAfter(query.after().createdAt()))
                .sorted(Comparator.comparing(CustomerDetails::createdAt))
                .map(c -> shown(c, false)).toList();
        boolean more = matching.size() > query.limit();
        List<CustomerDetails> page = more ? matching.subList(0, query.limit()) : matching;
        CustomerDetails last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new CustomerPage(page, more ? new PageCursor(last.createdAt(), last.id()) : null);
    }

    @Override
    public CustomerDetails get(String id, boolean reveal) {
        if (reveal && callerIsAgent) {
            throw new ForbiddenException("customer.reveal.forbidden");
        }
        if (reveal) {
            reveals.add(id);
        }
        return shown(find(id), reveal);
    }

    @Override
    public Created create(NewCustomer in, String idempotencyKey) {
        if (in.name() == null || in.name().isBlank()) {
            List<FieldError> errors = new ArrayList<>(List.of(FieldError.of("name", "field.required")));
            for (int i = 0; i < in.contacts().size(); i++) {
                NewContact k = in.contacts().get(i);
                if (k.kind().equals("PHONE") && !k.value().matches("\\+?[0-9 -]{5,}")) {
                    errors.add(FieldError.of("contacts[" + i + "].value", "customer.contact.phone.invalid"));
                }
            }
            throw new InvalidInputException(errors);
        }
        if (in.grade() != null && callerIsAgent) {
            throw new ForbiddenException("customer.grade.forbidden");
        }
        created.add(in);
        CustomerDetails c = add(in.name().strip(), in.grade(), CustomerStatus.valueOf(in.status()), null, null);
        return new Created(c, false);
    }

    @Override
    public CustomerDetails change(String id, CustomerChanges change) {
        CustomerDetails c = find(id);
        if (change.version() != c.version()) {
            throw new ConflictException("customer.version.conflict", c.version(), change.version());
        }
        if (change.name() != null && (change.name().value() == null || change.name().value().isBlank())) {
            throw new InvalidInputException(FieldError.of("name", "field.required"));
        }
        changes.add(change);
        CustomerDetails next = new CustomerDetails(c.id(), c.type(), change.name() == null ? c.name() : change.name().value().strip(),
                false, change.grade() == null ? c.grade() : change.grade().value(),
                change.status() == null ? c.status() : CustomerStatus.valueOf(change.status().value()),
                change.externalId() == null ? c.externalId() : change.externalId().value(), c.contacts(), c.createdAt(),
                OffsetDateTime.now(ZoneOffset.UTC), c.version() + 1, true, c.fields());
        replace(next);
        return shown(next, false);
    }

    CustomerDetails find(String id) {
        return stored.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new NotFoundException("customer.not-found", id));
    }

    private void replace(CustomerDetails next) {
        stored.replaceAll(c -> c.id().equals(next.id()) ? next : c);
    }

    private static CustomerDetails shown(CustomerDetails c, boolean reveal) {
        List<CustomerDetails.Contact> contacts = c.contacts().stream().map(k -> new CustomerDetails.Contact(k.id(), k.kind(),
                k.documentType(), reveal ? k.value() : Masking.mask(k.kind(), k.value()), k.label(), k.primary())).toList();
        return new CustomerDetails(c.id(), c.type(), c.name(), c.erased(), c.grade(), c.status(), c.externalId(), contacts,
                c.createdAt(), c.updatedAt(), c.version(), reveal, c.fields());
    }
}
