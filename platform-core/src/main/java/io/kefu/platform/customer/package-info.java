/**
 * Customers (客户): persons and companies the tenant serves, with grade (the tenant's own list,
 * setting {@code customer.grades}), status in time and contacts.
 *
 * <p><b>Contacts are personal information.</b> They live in their own table so that erasing a
 * customer deletes them. People see them masked ({@link io.kefu.platform.customer.Masking});
 * supervisors and tenant admins may reveal one customer's contacts ({@code ?reveal=true}), and
 * each such read is written to the audit log with the kinds shown, never the values. Agents
 * always see them masked; letting agents reveal the contacts of customers on their own tickets
 * comes with tickets. Audit entries keep contact values masked and, for private persons, the
 * name and external id masked too, because the log outlives an erasure.
 *
 * <p><b>Who may do what.</b> Every role reads, creates and edits customers and adds or deletes
 * contacts (an agent on the phone is the one who learns the new number). Only supervisors and
 * admins set or change the grade, since the grade decides the service a customer is entitled
 * to. Only tenant admins erase.
 *
 * <p><b>Versions.</b> A customer's {@code version} guards its own fields (name, grade, status,
 * external id): a PATCH must carry the version last read. Contacts are added and deleted one by
 * one and never overwrite each other, so they do not change the customer's version; an agent
 * adding a phone number does not make a supervisor's open edit of the grade conflict.
 *
 * <p><b>Erasure</b> (PIPL art. 47, GDPR art. 17) keeps the customer row for references from
 * tickets but removes everything that identifies the person.
 */
package io.kefu.platform.customer;
