/**
 * The custom-fields editor: one Vaadin field per {@link io.kefu.platform.form.FieldType}, built from
 * a tenant's form definitions, showing {@link io.kefu.platform.form.FormValidator}'s errors on the
 * field they belong to. Used by the ticket views and the customer pages; depends on the platform's
 * form package only.
 */
package io.kefu.ui.form;
