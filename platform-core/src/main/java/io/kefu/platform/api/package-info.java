/**
 * The REST API's shared machinery: the JAX-RS application, problem+json, access control.
 * Feature resources live in their feature's package and depend on this one, not the reverse.
 */
package io.kefu.platform.api;
