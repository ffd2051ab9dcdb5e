/**
 * Files on tickets: type recognised by content, size-limited, stored in the tenant's own folder
 * under the data directory, listed and downloaded only through the ticket they belong to.
 */
package io.kefu.platform.attachment;
