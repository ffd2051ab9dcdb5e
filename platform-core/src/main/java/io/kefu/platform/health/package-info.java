/** MicroProfile Health checks: {@code /health/ready} and {@code /health/live}. */
package io.kefu.platform.health;
