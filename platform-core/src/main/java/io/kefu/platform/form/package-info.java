/**
 * The forms engine: custom fields (自定义字段) that tenants and industry plugins define per ticket
 * kind and category, and for customers.
 * <ul>
 *   <li>The definition model ({@link io.kefu.platform.form.Form}, {@link io.kefu.platform.form.FieldDefinition},
 *       ...) is plain Java, read from and written to the shared JSON format by
 *       {@link io.kefu.platform.form.FormDocument}.</li>
 *   <li>{@link io.kefu.platform.form.FormValidator} is the one place values are judged: pure (no JPA,
 *       no CDI), called by the REST API through the ticket service and by views alike.</li>
 *   <li>{@link io.kefu.platform.form.FormDefinitions} stores each form as immutable versions in the
 *       tenant's schema and answers which fields apply to a ticket;
 *       {@link io.kefu.platform.form.FieldProjection} keeps the typed copy of values that lists
 *       filter and sort on and KPIs aggregate.</li>
 * </ul>
 * The ticket package depends on this one (validation, storage of values); this package knows of
 * tickets only their kind and status enums.
 */
package io.kefu.platform.form;
