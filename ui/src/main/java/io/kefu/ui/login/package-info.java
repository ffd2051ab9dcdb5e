/**
 * Logging in: {@link io.kefu.ui.login.LoginView} at {@code /login}. Calls the platform's
 * {@link io.kefu.platform.security.Authentication}; shows a refusal next to the field it names.
 */
package io.kefu.ui.login;
