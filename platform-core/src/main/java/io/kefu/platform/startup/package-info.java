/** What happens when Kefu starts: migrations, the operator account, the start-up event. */
package io.kefu.platform.startup;
