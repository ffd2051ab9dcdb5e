/**
 * Authentication (Jakarta Security mechanism and identity store), the caller and tenant binding
 * per request, and login/logout for the UI.
 */
package io.kefu.platform.security;
