#!/usr/bin/env bash
# Regenerates the screenshots of the agent workspace in this folder: builds Kefu, starts the
# runnable bundle on the embedded database with its demo tenants, and lets the browser journey
# (ui/src/test/java/io/kefu/ui/browser/JourneyBrowserIT.java, headless Debian Chromium) write a
# PNG of each main view here. Needs chromium, chromium-driver and fonts-noto-cjk (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/../.."
here="$(pwd)/docs/screenshots"
mvn -B -q -pl ui -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='JourneyBrowserIT' -Dfailsafe.failIfNoSpecifiedTests=false -Dkefu.screenshots.dir="$here"
ls -1 "$here"/*.png
