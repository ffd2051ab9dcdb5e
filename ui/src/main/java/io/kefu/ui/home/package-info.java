/** The first page after logging in: {@link io.kefu.ui.home.HomeView}, who is logged in where. */
package io.kefu.ui.home;
