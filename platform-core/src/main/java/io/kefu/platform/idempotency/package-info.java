/** Idempotency-Key for creates, shared by every resource that is created over the API. */
package io.kefu.platform.idempotency;
