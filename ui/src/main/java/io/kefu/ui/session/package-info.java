/**
 * Who is using the UI. {@link io.kefu.ui.session.CurrentUser} is the one place that reads the
 * logged-in caller (from the HTTP session, where the platform's authentication keeps it), and
 * {@link io.kefu.ui.session.Profiles} adds what the views show about them: display name and
 * tenant. Depends on the platform's {@code security}, {@code identity} and {@code tenant}
 * packages; knows no views.
 */
package io.kefu.ui.session;
