#!/usr/bin/env bash
# Regenerates the screenshots of the agent workspace in this folder: builds Kefu, then the browser
# tests (ui/src/test/java/io/kefu/ui/browser, headless Debian Chromium against the runnable bundle
# on the embedded database with its demo tenants) write a PNG of each main view here.
# Needs chromium, chromium-driver and fonts-noto-cjk (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/../.."
here="$(pwd)/docs/screenshots"
mvn -B -q install -DskipTests
cd ui
# Only the embedded-database run of the integration tests: the browser tests start their own Kefu.
mvn -B failsafe:integration-test@it-h2 -Dkefu.screenshots.dir="$here" \
  -Dit.test='LoginBrowserIT,JourneyBrowserIT,TicketBrowserIT,PeopleBrowserIT,LiveShellBrowserIT' | grep -E 'Tests run:|ERROR' || true
grep -q '<failures>0</failures>' target/failsafe-reports-h2/failsafe-summary.xml && grep -q '<errors>0</errors>' target/failsafe-reports-h2/failsafe-summary.xml \
  || { echo "a browser test failed; see ui/target/failsafe-reports-h2" >&2; exit 1; }
ls -1 "$here"/*.png
