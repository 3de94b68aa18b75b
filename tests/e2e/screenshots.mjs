// The screenshots in docs/screenshots: the release app on a database given
// as DETENTE_DB (the million-event bench database), driven like the
// end-to-end tests. Not a test; run by hand:
//
//   DETENTE_APP=target/release/detente-app DETENTE_DB=... \
//     xvfb-run -a -s "-screen 0 1280x800x24" node tests/e2e/screenshots.mjs light|dark
//
// For dark, run with GTK_THEME=Adwaita:dark (the web view follows GTK).
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, startDriver, stopDriver } from "./driver.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const shots = resolve(here, "../../docs/screenshots");
const theme = process.argv[2] ?? "light";
const driver = await startDriver();
const browser = await launch(process.env.DETENTE_APP, ["--db", process.env.DETENTE_DB]);
try {
  const timeline = await browser.$('[data-testid="timeline"]');
  await timeline.waitForExist({ timeout: 20000 });
  await browser.waitUntil(async () => Boolean(await timeline.getAttribute("data-lanes")), { timeout: 20000 });
  await (await browser.$('[data-testid="fit-all"]')).click();
  await browser.pause(500);
  const lanes = theme === "dark" ? "country" : "type";
  await (await browser.$('select[aria-label="Lanes"]')).selectByAttribute("value", lanes);
  // About four years, zoomed in from "fit all" with the keyboard.
  await browser.execute((el) => el.focus(), timeline);
  for (let i = 0; i < 6; i++) await browser.keys("+");
  await browser.pause(4000); // the index loads, the facets and the table follow
  await browser.saveScreenshot(join(shots, `timeline-million-${theme}.png`));
} finally {
  await browser.deleteSession();
  await stopDriver(driver);
}
