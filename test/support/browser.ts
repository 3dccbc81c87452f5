// Headless Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) driven by playwright-core, for
// tests that open pages as a person would. Absent browser: the tests skip, except on CI where
// their absence is an error (.ci/run installs it).
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Skip only on a developer machine without Chromium; on CI a missing browser fails the tests. */
export const browserMissing = !existsSync(CHROMIUM) && !process.env.CI;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}
