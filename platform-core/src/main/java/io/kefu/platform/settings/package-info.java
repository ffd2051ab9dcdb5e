/** A tenant's own settings (display name, time zone, default language, ticket number prefix, customer grades). */
package io.kefu.platform.settings;
