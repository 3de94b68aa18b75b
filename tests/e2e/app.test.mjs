// End-to-end: the real Détente window under Xvfb, driven through
// tauri-driver and WebKitWebDriver. Run by `./x test` (see ../../x).
//
// DETENTE_APP must name the built app binary; tauri-driver must be on PATH.
import { copyFileSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { launch as launchApp, startDriver, stopDriver } from "./driver.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = resolve(here, "../fixtures");
const formats = resolve(here, "../formats");
const out = resolve(here, "out");
mkdirSync(out, { recursive: true });
const app = process.env.DETENTE_APP;
assert.ok(app, "DETENTE_APP names the app binary to test");

// Exports are saved here without the native dialog, which WebDriver cannot
// drive (the app reads DETENTE_SAVE_DIR; tauri-driver passes the
// environment on to it).
const saveDir = mkdtempSync(join(tmpdir(), "detente-e2e-saved-"));
process.env.DETENTE_SAVE_DIR = saveDir;

let driver;

before(async () => {
  driver = await startDriver();
});

after(async () => {
  await stopDriver(driver);
});

const launch = (args) => launchApp(app, args);

function expected(name) {
  return JSON.parse(readFileSync(join(fixtures, `${name}.expected.json`), "utf8"));
}

/** The first and last days of a date in the spec's notation (day, month,
 * year or range), as comparable strings. */
function span(date) {
  const [a, b = a] = date.split("/");
  const first = a.length === 4 ? `${a}-01-01` : a.length === 7 ? `${a}-01` : a;
  const last = b.length === 4 ? `${b}-12-31` : b.length === 7 ? `${b}-31` : b;
  return [first, last];
}

async function rows(browser) {
  return browser.$$('[data-testid="event-rows"] tr');
}

/** The text a table row shows. Its cells clip long text with an ellipsis,
 * and WebKitWebDriver's getText then leaves out the text of such a cell
 * (seen: a row gave only its type), so the rendered text is read instead. */
async function shown(browser, el) {
  return browser.execute((e) => e.innerText, el);
}

async function rowTexts(browser) {
  const out = [];
  for (const r of await rows(browser)) out.push(await shown(browser, r));
  return out;
}

/** The records of a CSV text (RFC 4180: quoted cells may hold commas,
 * quotes doubled, and line breaks). */
function parseCsv(text) {
  const records = [];
  let record = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
    } else cell += c;
  }
  if (cell || record.length) records.push([...record, cell]);
  return records;
}

async function waitForRows(browser, n, what) {
  await browser.waitUntil(async () => (await rows(browser)).length === n, {
    timeout: 20000,
    timeoutMsg: `expected ${n} events ${what}, saw ${(await rows(browser)).length}`,
  });
}

describe("Détente window", () => {
  test("imports two articles, filters by country then actor, and shows an event's evidence", async () => {
    const dir = mkdtempSync(join(tmpdir(), "detente-e2e-"));
    const articles = ["seed_li_shoigu_moscow", "havana_naval_port_calls"];
    const all = articles.flatMap(expected);
    const browser = await launch(["--db", join(dir, "e2e.db"), "--import", ...articles.map((a) => join(fixtures, `${a}.txt`))]);
    try {
      await waitForRows(browser, all.length, "after importing two articles");
      const timeline = await browser.$('[data-testid="timeline"]');
      await browser.waitUntil(async () => (await timeline.getAttribute("data-mark-count")) === String(all.length), {
        timeout: 5000,
        timeoutMsg: "every event is drawn on the timeline",
      });
      const summary = await (await browser.$('[data-testid="import-line"]')).getText();
      assert.match(summary, /Imported 2 articles/, "the import is reported");

      // Filter by a country: only events with Russia remain.
      await (await browser.$('[data-testid="countries-list"] button[data-value="RUS"]')).click();
      const withRussia = all.filter((e) => e.countries.includes("RUS"));
      await waitForRows(browser, withRussia.length, "with Russia");
      for (const text of await rowTexts(browser)) assert.match(text, /RUS/, "every remaining event involves Russia");
      assert.ok(withRussia.length < all.length, "the filter narrows");

      // And by an actor: the meeting with Shoigu.
      await (await browser.$('[data-testid="actors-list"] button[data-value="Sergei Shoigu"]')).click();
      const withShoigu = withRussia.filter((e) => e.actors.some((a) => a.name === "Sergei Shoigu"));
      await waitForRows(browser, withShoigu.length, "with Russia and Sergei Shoigu");
      const [row] = await rows(browser);
      assert.match(await shown(browser, row), /Meeting/);
      assert.equal(await (await browser.$('[data-testid="timeline"]')).getAttribute("data-mark-count"), String(withShoigu.length));

      // Open it: the evidence sentence is highlighted inside the article.
      await (await row.$("td")).click();
      const detail = await browser.$('[data-testid="detail"]');
      await detail.waitForDisplayed({ timeout: 5000 });
      assert.match(await (await browser.$('[data-testid="detail-type"]')).getText(), /Meeting/);
      assert.match(await (await browser.$('[data-testid="detail-date"]')).getText(), /2023-04-18/);
      assert.match(await (await browser.$('[data-testid="detail-actors"]')).getText(), /Li Shangfu[\s\S]*Sergei Shoigu/);
      const evidence = [];
      for (const m of await browser.$$('[data-testid="evidence"]')) evidence.push(await m.getText());
      assert.ok(evidence.some((t) => /Li Shangfu/.test(t) && /Shoigu/.test(t)), `evidence names both ministers: ${evidence.join(" | ")}`);
      const article = await (await browser.$('[data-testid="article-text"]')).getText();
      assert.ok(evidence.every((t) => article.includes(t)), "evidence sits inside the article text");
      await browser.saveScreenshot(join(out, "event-detail.png"));

      // An actor's name opens their card: offices with dates, other spellings, where they come from.
      const shoigu = '[data-testid="detail-actors"] button[data-actor="Sergei Shoigu"]';
      await (await browser.$(shoigu)).click();
      const card = await browser.$(`${shoigu} ~ [data-testid="actor-card"]`);
      const offices = await card.$('[data-testid="actor-offices"]');
      await offices.waitForDisplayed({ timeout: 5000, timeoutMsg: "the actor card shows the offices" });
      assert.equal(await (await card.$('[data-testid="actor-card-name"]')).getText(), "Sergei Shoigu");
      assert.equal(await (await card.$('[data-testid="actor-kind"]')).getText(), "From the gazetteer");
      const held = [];
      for (const li of await offices.$$("li")) {
        held.push(`${await (await li.$(".office")).getText()} | ${await (await li.$(".term")).getText()}`);
      }
      const defence = held.indexOf("Defense Minister, Russia | 2012-11-06 – 2024-05-12");
      const security = held.indexOf("Secretary of the Security Council, Russia | since 2024-05-12");
      assert.ok(defence >= 0 && security > defence, `offices with their dates, by date: ${held.join("; ")}`);
      assert.match(await (await card.$('[data-testid="actor-aliases"]')).getText(), /Sergey Shoygu/);
      await browser.saveScreenshot(join(out, "actor-card.png"));

      // Clearing the filters restores every event.
      await (await browser.$('[data-testid="actors-clear"]')).click();
      await (await browser.$('[data-testid="countries-clear"]')).click();
      await waitForRows(browser, all.length, "after clearing the filters");

      // The card's button filters the timeline by the actor.
      const withShoiguAnywhere = all.filter((e) => e.actors.some((a) => a.name === "Sergei Shoigu"));
      assert.ok(withShoiguAnywhere.length < all.length);
      await (await card.$('[data-testid="actor-filter"]')).click();
      await waitForRows(browser, withShoiguAnywhere.length, "filtered from the actor card");
      assert.equal(
        await (await browser.$('[data-testid="actors-list"] button[data-value="Sergei Shoigu"]')).getAttribute("aria-pressed"),
        "true",
      );
      await (await browser.$('[data-testid="actors-clear"]')).click();
      await waitForRows(browser, all.length, "after clearing the actor");

      // Finding an actor by another spelling lists them under their canonical name.
      await (await browser.$('[data-testid="actors-find"]')).setValue("Shoygu");
      await browser.waitUntil(
        async () => {
          const found = await browser.$$('[data-testid="actors-list"] button');
          return found.length === 1 && (await found[0].getAttribute("data-value")) === "Sergei Shoigu";
        },
        { timeout: 5000, timeoutMsg: "typing an alias finds the actor" },
      );
    } finally {
      await browser.deleteSession();
    }
  });

  test("imports a mixed folder of every format and reports what it could not read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "detente-e2e-"));
    const folder = join(dir, "clippings");
    mkdirSync(join(folder, "nested"), { recursive: true });
    for (const f of readdirSync(formats)) copyFileSync(join(formats, f), join(folder, "nested", f));
    writeFileSync(join(folder, "empty.txt"), "");
    writeFileSync(join(folder, "hostile.html"), "<html><body><script>document.title='owned'</script>" + "<div>".repeat(5000) + "x</body></html>");
    const browser = await launch(["--db", join(dir, "mixed.db"), "--import", folder]);
    try {
      const line = await browser.$('[data-testid="import-line"]');
      await browser.waitUntil(async () => /^Imported/.test(await line.getText()), { timeout: 30000, timeoutMsg: "the import finishes" });
      assert.match(await line.getText(), /^Imported 13 articles \(\d+ events\) · 4 failed$/);
      const failures = await browser.$('[data-testid="import-failures"]');
      await failures.click();
      const reasons = await failures.getText();
      assert.match(reasons, /empty\.txt: file is 0 bytes/);
      assert.match(reasons, /scanned_no_text\.pdf: not a PDF with a text layer/);
      assert.match(reasons, /hostile\.html: HTML nested more than 1000 levels deep/);
      assert.match(reasons, /make_binary_fixtures\.py: unsupported file type/);
      assert.notEqual(await browser.getTitle(), "owned", "nothing in an imported page runs");
      await browser.waitUntil(async () => (await rows(browser)).length > 10, { timeout: 10000, timeoutMsg: "the articles' events are listed" });
      const texts = (await rowTexts(browser)).join("\n");
      for (const who of ["Antony Blinken", "Jens Stoltenberg", "To Lam", "Gilberto Teodoro"]) assert.match(texts, new RegExp(who));
      await browser.saveScreenshot(join(out, "mixed-import.png"));
    } finally {
      await browser.deleteSession();
    }
  });

  test("an article without a publication date is listed, and setting the date dates its events", async () => {
    const dir = mkdtempSync(join(tmpdir(), "detente-e2e-"));
    const article = join(dir, "undated.txt");
    writeFileSync(
      article,
      "Ministers meet in Moscow\nRussian Defense Minister Sergei Shoigu met Chinese Minister of National Defense Li Shangfu in Moscow on Tuesday.\n",
    );
    const browser = await launch(["--db", join(dir, "undated.db"), "--import", article]);
    try {
      const notice = await browser.$('[data-testid="undated-button"]');
      await notice.waitForDisplayed({ timeout: 20000 });
      assert.equal(await notice.getText(), "1 undated");
      assert.equal(await notice.getAttribute("title"), "1 article without a date");
      assert.equal((await rows(browser)).length, 0, "\"on Tuesday\" cannot be dated without the article's date");
      await notice.click();
      const input = await browser.$('[data-testid="undated-date"]');
      await input.waitForDisplayed({ timeout: 5000 });
      await browser.execute((el) => {
        el.value = "2023-04-19";
      }, input);
      await (await browser.$('[data-testid="undated-apply"]')).click();
      // The meeting in Moscow, and Li's visit there (the spec's worked example).
      await waitForRows(browser, 2, "once the date is set");
      const dated = (await rowTexts(browser)).join("\n");
      assert.match(dated, /2023-04-18[\s\S]*Meeting/);
      assert.match(dated, /2023-04-18[\s\S]*Visit/);
      assert.equal(await notice.isDisplayed(), false, "no article is left without a date");
    } finally {
      await browser.deleteSession();
    }
  });

  test("the filter, the range shown and the lanes are there again after a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "detente-e2e-"));
    const db = join(dir, "kept.db");
    const articles = ["seed_li_shoigu_moscow", "havana_naval_port_calls"];
    const all = articles.flatMap(expected);
    const withRussia = all.filter((e) => e.countries.includes("RUS"));
    assert.ok(withRussia.length > 0 && withRussia.length < all.length);
    let browser = await launch(["--db", db, "--import", ...articles.map((a) => join(fixtures, `${a}.txt`))]);
    let lanesBefore;
    try {
      await waitForRows(browser, all.length, "after importing");
      await (await browser.$('[data-testid="countries-list"] button[data-value="RUS"]')).click();
      await waitForRows(browser, withRussia.length, "with Russia");
      await (await browser.$('select[aria-label="Lanes"]')).selectByAttribute("value", "country");
      const timeline = await browser.$('[data-testid="timeline"]');
      await browser.waitUntil(async () => (await timeline.getAttribute("data-lanes")).startsWith("RUS:"), { timeout: 5000 });
      lanesBefore = await timeline.getAttribute("data-lanes");
      // Give the view a moment to be written after the last change.
      await browser.pause(300);
    } finally {
      await browser.deleteSession();
    }
    browser = await launch(["--db", db]);
    try {
      await waitForRows(browser, withRussia.length, "with Russia, after the restart");
      assert.equal(
        await (await browser.$('[data-testid="countries-list"] button[data-value="RUS"]')).getAttribute("aria-pressed"),
        "true",
        "the country filter is still on",
      );
      assert.equal(await (await browser.$('select[aria-label="Lanes"]')).getValue(), "country");
      const timeline = await browser.$('[data-testid="timeline"]');
      await browser.waitUntil(async () => (await timeline.getAttribute("data-lanes")) === lanesBefore, {
        timeout: 5000,
        timeoutMsg: `the same lanes: ${lanesBefore}`,
      });
    } finally {
      await browser.deleteSession();
    }
  });

  test("zoom and fit, the keyboard, the table's order, lanes by actor, and a saved view across a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "detente-e2e-"));
    const db = join(dir, "views.db");
    const samples = readdirSync(fixtures).filter((f) => f.endsWith(".expected.json"));
    const all = samples.map((f) => expected(f.replace(".expected.json", ""))).flat();
    const withRussia = all.filter((e) => e.countries.includes("RUS"));
    let browser = await launch(["--db", db]);
    try {
      await (await browser.$('[data-testid="load-samples"]')).waitForDisplayed({ timeout: 20000 });
      await (await browser.$('[data-testid="load-samples"]')).click();
      await waitForRows(browser, all.length, "from the sample articles");
      const timeline = await browser.$('[data-testid="timeline"]');
      const overview = await browser.$('[data-testid="overview"] canvas, canvas[data-testid="overview"]');
      const brush = async () => (await overview.getAttribute("data-brush")) ?? "";
      const days = (range) => {
        const [a, b] = range.split("/");
        return (Date.parse(b) - Date.parse(a)) / 86_400_000;
      };
      await browser.waitUntil(async () => (await brush()).includes("/"), { timeout: 5000, timeoutMsg: "the overview shows the range" });
      const whole = await brush();

      // Zooming in twice shows about half the days; "Fit all" shows them all again.
      const zoomIn = await browser.$('button[aria-label="Zoom in"]');
      await zoomIn.click();
      await zoomIn.click();
      await browser.waitUntil(async () => days(await brush()) < days(whole) * 0.6, {
        timeout: 5000,
        timeoutMsg: `zoomed in from ${whole}, saw ${await brush()}`,
      });
      assert.ok(Number(await timeline.getAttribute("data-mark-count")) <= all.length);
      await (await browser.$('[data-testid="fit-all"]')).click();
      await browser.waitUntil(async () => (await brush()) === whole, { timeout: 5000, timeoutMsg: `fit all shows ${whole}` });
      await browser.waitUntil(async () => (await timeline.getAttribute("data-mark-count")) === String(all.length), {
        timeout: 5000,
        timeoutMsg: "every event is drawn after fit all",
      });

      // The keyboard: the right arrow selects the first event in time and
      // opens its evidence; Escape closes it.
      await browser.execute((el) => el.focus(), timeline);
      await browser.keys("ArrowRight");
      const detail = await browser.$('[data-testid="detail"]');
      await detail.waitForDisplayed({ timeout: 5000 });
      const first = all.map((e) => span(e.date)[0]).sort()[0];
      assert.match(await (await browser.$('[data-testid="detail-date"]')).getText(), new RegExp(first.slice(0, 7)));
      assert.ok((await browser.$$('[data-testid="evidence"]')).length > 0, "the evidence is shown");
      // "Fit selection" shows the event's days, a month or so; then all again.
      await (await browser.$('[data-testid="fit-selection"]')).click();
      await browser.waitUntil(async () => days(await brush()) < 60, {
        timeout: 5000,
        timeoutMsg: `fit selection shows the event's days, saw ${await brush()}`,
      });
      await (await browser.$('[data-testid="fit-all"]')).click();
      await browser.waitUntil(async () => (await brush()) === whole, { timeout: 5000, timeoutMsg: "fit all again" });
      await browser.execute((el) => el.focus(), timeline);
      await browser.keys("Escape");
      await detail.waitForDisplayed({ timeout: 5000, reverse: true });

      // The table sorted by type, then the other way.
      const types = async () => {
        const out = [];
        // The type's label, without " (planned)".
        for (const r of await rows(browser)) out.push((await shown(browser, await r.$("td:nth-child(2)"))).split(" (")[0].trim());
        return out;
      };
      const sorted = (xs, desc) => [...xs].sort((a, b) => (desc ? b.localeCompare(a) : a.localeCompare(b)));
      const byType = await browser.$('[data-testid="sort-type"]');
      await byType.click();
      await browser.waitUntil(async () => {
        const t = await types();
        return t.length === all.length && t.join() === sorted(t, false).join();
      }, { timeout: 5000, timeoutMsg: "rows sorted by type" });
      assert.equal(await (await byType.parentElement()).getAttribute("aria-sort"), "ascending");
      await byType.click();
      await browser.waitUntil(async () => {
        const t = await types();
        return t.length === all.length && t.join() === sorted(t, true).join() && t[0] !== t[t.length - 1];
      }, { timeout: 5000, timeoutMsg: "rows sorted by type, descending" });
      assert.equal(await (await byType.parentElement()).getAttribute("aria-sort"), "descending");

      // Lanes by actor: Shoigu has a lane; a click on the first lane's name
      // collapses it.
      await (await browser.$('select[aria-label="Lanes"]')).selectByAttribute("value", "actor");
      await browser.waitUntil(async () => /(^|\|)Sergei Shoigu:\d+/.test(await timeline.getAttribute("data-lanes")), {
        timeout: 5000,
        timeoutMsg: "a lane for Sergei Shoigu",
      });
      const firstLane = (await timeline.getAttribute("data-lanes")).split("|")[0].replace(/:\d+$/, "");
      // The first lane's name is drawn at the canvas's left, below the axis.
      const box = await browser.execute((el) => {
        el.scrollIntoView({ block: "start" });
        const r = el.getBoundingClientRect();
        return { left: r.left, top: r.top };
      }, timeline);
      const clickFirstLaneName = () =>
        browser
          .action("pointer")
          .move({ origin: "viewport", x: Math.round(box.left + 30), y: Math.round(box.top + 46) })
          .down()
          .up()
          .perform();
      await clickFirstLaneName();
      await browser.waitUntil(async () => (await timeline.getAttribute("data-collapsed")) === firstLane, {
        timeout: 5000,
        timeoutMsg: `the lane ${firstLane} collapsed`,
      });
      // Another click expands it; from the keyboard, C collapses the
      // selected event's lane and expands it again.
      await clickFirstLaneName();
      await browser.waitUntil(async () => (await timeline.getAttribute("data-collapsed")) === "", { timeout: 5000 });
      await browser.execute((el) => el.focus(), timeline);
      await browser.keys("ArrowRight");
      await (await browser.$('[data-testid="detail"]')).waitForDisplayed({ timeout: 5000 });
      await browser.keys("c");
      await browser.waitUntil(async () => (await timeline.getAttribute("data-collapsed")) !== "", {
        timeout: 5000,
        timeoutMsg: "C collapses the selected event's lane",
      });
      await browser.keys("c");
      await browser.waitUntil(async () => (await timeline.getAttribute("data-collapsed")) === "", {
        timeout: 5000,
        timeoutMsg: "C again expands it",
      });
      await browser.keys("Escape");

      // A view with Russia saved by name; then the filter cleared.
      await (await browser.$('[data-testid="countries-list"] button[data-value="RUS"]')).click();
      await waitForRows(browser, withRussia.length, "with Russia");
      await (await browser.$('[data-testid="save-view"]')).click();
      await (await browser.$('[data-testid="view-name"]')).setValue("Russia");
      await (await browser.$('[data-testid="save-view-confirm"]')).click();
      await (await browser.$('[data-testid="open-view"][data-view="Russia"]')).waitForExist({ timeout: 5000 });
      await (await browser.$('[data-testid="countries-list"] button[data-value="RUS"]')).click();
      await waitForRows(browser, all.length, "with the country filter cleared");
      await (await browser.$('select[aria-label="Lanes"]')).selectByAttribute("value", "type");
      await browser.pause(300);
    } finally {
      await browser.deleteSession();
    }
    // After a restart the saved view is listed, and opening it brings back
    // its filter and lanes.
    browser = await launch(["--db", db]);
    try {
      await waitForRows(browser, all.length, "after the restart");
      const open = await browser.$('[data-testid="open-view"][data-view="Russia"]');
      await open.waitForExist({ timeout: 5000 });
      await open.click();
      await waitForRows(browser, withRussia.length, "in the saved view");
      assert.equal(
        await (await browser.$('[data-testid="countries-list"] button[data-value="RUS"]')).getAttribute("aria-pressed"),
        "true",
      );
      assert.equal(await (await browser.$('select[aria-label="Lanes"]')).getValue(), "actor");
      await browser.saveScreenshot(join(out, "saved-view.png"));
    } finally {
      await browser.deleteSession();
    }
  });

  test("on an empty database, offers the sample articles and shows their events", async () => {
    const dir = mkdtempSync(join(tmpdir(), "detente-e2e-"));
    const browser = await launch(["--db", join(dir, "empty.db")]);
    try {
      const offer = await browser.$('[data-testid="load-samples"]');
      await offer.waitForDisplayed({ timeout: 20000 });
      assert.equal((await rows(browser)).length, 0);
      assert.equal(await (await browser.$('[data-testid="import-panel"]')).isDisplayed(), false, "no import panel before an import");
      await offer.click();
      // The samples are the fixture corpus: every expected event appears.
      const samples = readdirSync(fixtures).filter((f) => f.endsWith(".expected.json"));
      const total = samples.map((f) => expected(f.replace(".expected.json", ""))).flat().length;
      await waitForRows(browser, total, "from the sample articles");
      assert.match(await (await browser.$('[data-testid="event-count"]')).getText(), new RegExp(`^${total} of ${total} events`));
      assert.equal(await (await browser.$('[data-testid="empty-state"]')).isDisplayed(), false);
      await browser.saveScreenshot(join(out, "samples.png"));

      // The Export menu from the keyboard: the arrows move through its
      // items (wrapping), Escape closes it and gives the focus back to its
      // button. (What each item saves goes through the native save dialog,
      // which WebDriver cannot drive.)
      const exportButton = await browser.$('[data-testid="export"]');
      const menu = await browser.$('[role="menu"]');
      const focused = () => browser.execute(() => document.activeElement?.getAttribute("data-testid") ?? "");
      assert.equal(await menu.isDisplayed(), false, "the menu is closed at first");
      await browser.execute((el) => el.focus(), exportButton);
      await browser.keys("ArrowDown");
      await menu.waitForDisplayed({ timeout: 2000, timeoutMsg: "ArrowDown on the Export button opens its menu" });
      assert.equal(await exportButton.getAttribute("aria-expanded"), "true");
      assert.equal(await focused(), "export-csv", "the first item has the focus");
      const items = [];
      for (const i of await menu.$$('[role="menuitem"]')) items.push(await i.getText());
      assert.deepEqual(items, ["Events as CSV…", "Events as JSON…", "Timeline as PNG…", "Timeline as SVG…", "Back up database…", "Restore database…"]);
      await browser.keys("ArrowDown");
      assert.equal(await focused(), "export-json");
      await browser.keys("ArrowUp");
      await browser.keys("ArrowUp");
      assert.equal(await focused(), "restore-db", "ArrowUp from the first item goes to the last");
      await browser.saveScreenshot(join(out, "export-menu.png"));
      await browser.keys("Escape");
      assert.equal(await menu.isDisplayed(), false, "Escape closes the menu");
      assert.equal(await focused(), "export", "and the focus is back on the button");
      assert.equal(await exportButton.getAttribute("aria-expanded"), "false");
      // With the pointer: a click opens it, a click elsewhere closes it.
      await exportButton.click();
      await menu.waitForDisplayed({ timeout: 2000, timeoutMsg: "a click on Export opens its menu" });
      await (await browser.$('[data-testid="event-count"]')).click();
      await menu.waitForDisplayed({ reverse: true, timeout: 2000, timeoutMsg: "a click elsewhere closes the menu" });

      // save_image in the real window, as the menu calls it once the save
      // dialog has given a path: the canvas' PNG, encoded by WebKit, is
      // written whole; an SVG for a .png path is refused, saying why.
      const saveImage = (args) =>
        browser.executeAsync((args, done) => {
          window.__TAURI_INTERNALS__.invoke("save_image", args).then(
            () => done({ ok: true }),
            (e) => done({ refused: e }),
          );
        }, args);
      const png = await browser.executeAsync((done) => {
        const canvas = document.querySelector('[data-testid="timeline"]');
        canvas.toBlob((blob) => {
          const reader = new FileReader();
          reader.onload = () => done({ b64: String(reader.result).split(",")[1], width: canvas.width, height: canvas.height });
          reader.readAsDataURL(blob);
        }, "image/png");
      });
      const pngPath = join(dir, "timeline.png");
      assert.deepEqual(await saveImage({ path: pngPath, svg: null, pngBase64: png.b64 }), { ok: true });
      const written = readFileSync(pngPath);
      assert.equal(written.subarray(1, 4).toString(), "PNG");
      assert.deepEqual([written.readUInt32BE(16), written.readUInt32BE(20)], [png.width, png.height], "the picture is the canvas' size");
      const { refused } = await saveImage({ path: join(dir, "timeline-svg.png"), svg: "<svg/>", pngBase64: null });
      assert.equal(refused?.code, "bad_request");
      assert.match(refused.message, /does not end in \.svg/);
      assert.equal(readdirSync(dir).filter((f) => f.startsWith("timeline")).join(), "timeline.png", "nothing written for the refused one");

      // Lanes by country: an event of two countries is in both lanes, the
      // busiest lane first; then back to lanes by type.
      const timeline = await browser.$('[data-testid="timeline"]');
      const lanes = async () => (await timeline.getAttribute("data-lanes")).split("|");
      await (await browser.$('select[aria-label="Lanes"]')).selectByAttribute("value", "country");
      const byCountry = new Map();
      for (const e of samples.map((f) => expected(f.replace(".expected.json", ""))).flat()) {
        for (const c of e.countries) byCountry.set(c, (byCountry.get(c) ?? 0) + 1);
      }
      const busiest = [...byCountry].sort((a, b) => b[1] - a[1])[0];
      await browser.waitUntil(async () => (await lanes())[0] === `${busiest[0]}:${busiest[1]}`, {
        timeout: 5000,
        timeoutMsg: `the busiest country's lane first (${busiest.join(":")})`,
      });
      assert.equal((await lanes()).length, byCountry.size, "a lane per country");
      await browser.saveScreenshot(join(out, "lanes-by-country.png"));
      await (await browser.$('select[aria-label="Lanes"]')).selectByAttribute("value", "type");
      await browser.waitUntil(async () => (await lanes())[0].startsWith("Meeting:"), { timeout: 5000 });

      // Planned events only, then a date range, then both cleared.
      const all = samples.map((f) => expected(f.replace(".expected.json", ""))).flat();
      const planned = all.filter((e) => e.status === "planned");
      assert.ok(planned.length > 0 && planned.length < total);
      await (await browser.$('[data-testid="scope-status"]')).selectByAttribute("value", "planned");
      await waitForRows(browser, planned.length, "planned only");
      await (await browser.$('[data-testid="scope-status"]')).selectByAttribute("value", "");
      await waitForRows(browser, total, "occurred and planned");
      const [from, to] = ["2022-01-01", "2023-06-30"];
      const within = all.filter((e) => {
        const [start, end] = span(e.date);
        return end >= from && start <= to;
      });
      assert.ok(within.length > 0 && within.length < total);
      for (const [id, value] of [["scope-from", from], ["scope-to", to]]) {
        await browser.execute(
          (el, v) => {
            el.value = v;
            el.dispatchEvent(new Event("change"));
          },
          await browser.$(`[data-testid="${id}"]`),
          value,
        );
      }
      await waitForRows(browser, within.length, `from ${from} to ${to}`);
      for (const text of await rowTexts(browser)) {
        const [start, end] = span(text.split(/\s/)[0]);
        assert.ok(end >= from && start <= to, `a row within the range: ${text}`);
      }
      await (await browser.$('[data-testid="scope-clear"]')).click();
      await waitForRows(browser, total, "after clearing the range");

      // The legend filters by type: exercises only, then exercises and
      // patrols, then every type again.
      const ofType = (...types) => all.filter((e) => types.includes(e.type)).length;
      await (await browser.$('[data-testid="type-exercise"]')).click();
      await waitForRows(browser, ofType("exercise"), "exercises only");
      for (const text of await rowTexts(browser)) assert.match(text, /Exercise/);
      assert.equal(await (await browser.$('[data-testid="type-exercise"]')).getAttribute("aria-pressed"), "true");
      await (await browser.$('[data-testid="type-patrol"]')).click();
      await waitForRows(browser, ofType("exercise", "patrol"), "exercises and patrols");
      await (await browser.$('[data-testid="type-exercise"]')).click();
      await (await browser.$('[data-testid="type-patrol"]')).click();
      await waitForRows(browser, total, "every type again");

      // Full-text search: "Havana" is in one article's title, so its events.
      const search = await browser.$('[data-testid="search"]');
      await search.setValue("Havana");
      await waitForRows(browser, expected("havana_naval_port_calls").length, "matching Havana");
      await search.clearValue();
      await browser.execute((el) => el.dispatchEvent(new Event("input")), search);
      await waitForRows(browser, total, "with the search cleared");

      // Minimum confidence: each event's confidence read from its details,
      // then only those at 90% or more remain.
      const confidence = new Map();
      for (const r of await rows(browser)) {
        const id = await r.getAttribute("data-event-id");
        // A click in the page, as the row may be scrolled out of the table's view.
        await browser.execute((el) => el.click(), await r.$("td"));
        const shownConfidence = await browser.$(`[data-testid="detail-confidence"][data-event-id="${id}"]`);
        await shownConfidence.waitForExist({ timeout: 5000 });
        confidence.set(id, Number(await shownConfidence.getAttribute("data-value")));
      }
      const sure = [...confidence.values()].filter((c) => c >= 0.9).length;
      assert.equal(confidence.size, total);
      assert.ok(sure > 0 && sure < total, `the threshold narrows: ${[...confidence.values()].join(", ")}`);
      await (await browser.$('[data-testid="scope-confidence"]')).selectByAttribute("value", "0.9");
      await waitForRows(browser, sure, "at 90% or more");
      for (const r of await rows(browser)) assert.ok(confidence.get(await r.getAttribute("data-event-id")) >= 0.9);
      await (await browser.$('[data-testid="scope-confidence"]')).selectByAttribute("value", "");
      await waitForRows(browser, total, "at any confidence");
    } finally {
      await browser.deleteSession();
    }
  });
  test("exports the filtered view as CSV: one row per event the table shows, with its sources", async () => {
    const dir = mkdtempSync(join(tmpdir(), "detente-e2e-"));
    const articles = ["seed_li_shoigu_moscow", "havana_naval_port_calls"];
    const all = articles.flatMap(expected);
    const browser = await launch(["--db", join(dir, "export.db"), "--import", ...articles.map((a) => join(fixtures, `${a}.txt`))]);
    try {
      await waitForRows(browser, all.length, "after importing two articles");
      await (await browser.$('[data-testid="countries-list"] button[data-value="RUS"]')).click();
      const withRussia = all.filter((e) => e.countries.includes("RUS"));
      await waitForRows(browser, withRussia.length, "with Russia");
      const shownIds = [];
      for (const r of await rows(browser)) shownIds.push(await r.getAttribute("data-event-id"));

      const before = new Set(readdirSync(saveDir));
      await (await browser.$('[data-testid="export"]')).click();
      await (await browser.$('[data-testid="export-csv"]')).click();
      const status = await browser.$('[data-testid="status"]');
      await browser.waitUntil(async () => /^Exported \d+ events? to /.test(await status.getText()), {
        timeout: 10000,
        timeoutMsg: "the export is reported",
      });
      const file = readdirSync(saveDir).find((f) => !before.has(f) && f.endsWith(".csv"));
      assert.ok(file, "a CSV file was written");
      const records = parseCsv(readFileSync(join(saveDir, file), "utf8"));
      const [header, ...data] = records;
      const col = (name) => header.indexOf(name);
      assert.deepEqual(data.map((r) => r[col("id")]).sort(), [...shownIds].sort(), "the rows are the events the view shows");
      for (const r of data) {
        assert.match(r[col("countries")], /RUS/, "every row is an event with Russia");
        assert.ok(Number(r[col("sources")]) >= 1 && r[col("evidence")].length > 0, "with its source and evidence");
        assert.ok(r[col("cameo_code")].length === 3, `a CAMEO code: ${r[col("cameo_code")]}`);
      }
      assert.match(await status.getText(), new RegExp(`^Exported ${data.length} events? to `));
    } finally {
      await browser.deleteSession();
    }
  });
});
