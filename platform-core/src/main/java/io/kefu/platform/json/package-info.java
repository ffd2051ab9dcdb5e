/**
 * JSON-P plumbing shared by every feature: {@link io.kefu.platform.json.Jsons}, the one cached
 * provider Kefu builds and reads JSON with.
 */
package io.kefu.platform.json;
