/**
 * The frame of every view for logged-in tenant users: {@link io.kefu.ui.layout.MainLayout}.
 * It is also the guard: a view inside it is only shown to a logged-in tenant user.
 */
package io.kefu.ui.layout;
