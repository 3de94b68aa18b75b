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
const reports = resolve(here, "../reports");
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

/** The events of the sample corpus (the fixtures `samples` name) as the
 * timeline shows them: an occurrence told by several articles (the same
 * type, date and countries; the Austin–Dong call of 16 April 2024) is one
 * event with several sources, so it is counted once. */
function sampleEvents(samples) {
  const seen = new Set();
  return samples
    .flatMap((f) => expected(f.replace(".expected.json", "")))
    .filter((e) => {
      const key = [e.type, e.date, [...e.countries].sort().join(",")].join("|");
      return !seen.has(key) && seen.add(key);
    });
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
    const all = sampleEvents(samples);
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
      const total = sampleEvents(samples).length;
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
      for (const e of sampleEvents(samples)) {
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
      const all = sampleEvents(samples);
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

  /** Four outlets' reports of one meeting in Manila (tests/reports). */
  const manila = () => readdirSync(reports).filter((f) => f.startsWith("manila_talks_")).map((f) => join(reports, f));

  /** Opens the table's meeting row in the detail panel; gives its event id. */
  async function openMeeting(browser) {
    let row;
    await browser.waitUntil(
      async () => {
        for (const r of await rows(browser)) if (/Meeting/.test(await shown(browser, r))) row = r;
        return row !== undefined;
      },
      { timeout: 20000, timeoutMsg: "a meeting is listed" },
    );
    const id = await row.getAttribute("data-event-id");
    await browser.execute((el) => el.click(), await row.$("td"));
    await (await browser.$(`[data-testid="detail-confidence"][data-event-id="${id}"]`)).waitForExist({ timeout: 5000 });
    return id;
  }

  /** Runs `body` on a window of a new database holding the Manila reports. */
  async function withManila(name, body) {
    const dir = mkdtempSync(join(tmpdir(), "detente-e2e-"));
    const browser = await launch(["--db", join(dir, `${name}.db`), "--import", ...manila()]);
    try {
      await body(browser);
    } finally {
      await browser.deleteSession();
    }
  }

  async function sourceCount(browser, n, what) {
    await browser.waitUntil(async () => (await browser.$$('[data-testid="source"]')).length === n, {
      timeout: 10000,
      timeoutMsg: `expected ${n} sources ${what}, saw ${(await browser.$$('[data-testid="source"]')).length}`,
    });
  }

  test("four reports of one meeting are one event listing every source and the date they disagree on", async () => {
    await withManila("manila", async (browser) => {
      await openMeeting(browser);
      await sourceCount(browser, 4, "for the meeting told by four outlets");
      const titles = [];
      for (const t of await browser.$$('[data-testid="source-title"]')) titles.push(await t.getText());
      assert.ok(titles.includes("Austin sees Philippine counterpart on Asia swing"), `the US outlet is a source: ${titles.join(" | ")}`);
      // Each source says its own date; the US outlet gives 29 July.
      const says = [];
      for (const s of await browser.$$('[data-testid="source-says"]')) says.push(await s.getText());
      assert.ok(says.some((t) => /2024-07-29/.test(t)) && says.some((t) => /2024-07-30/.test(t)), `what the sources say: ${says.join(" | ")}`);
      const date = await browser.$('[data-testid="disagreement"][data-field="date"]');
      assert.ok(await date.isDisplayed(), "the date disagreement is shown");
      const text = await date.getText();
      assert.match(text, /2024-07-29: Austin sees Philippine counterpart on Asia swing/, `which source says 29 July: ${text}`);
      assert.match(text, /2024-07-30/);
      await browser.execute((el) => el.scrollIntoView({ block: "start" }), await browser.$('[data-testid="detail-badges"]'));
      await browser.saveScreenshot(join(out, "event-sources-disagree.png"));
    });
  });

  test("the analyst edits an event's place, splits a source off and merges it back, and re-extraction keeps the edit", async () => {
    await withManila("curate", async (browser) => {
      const id = await openMeeting(browser);
      await sourceCount(browser, 4, "before any change");
      const before = await rowTexts(browser);

      // An edit: the place.
      await (await browser.$('[data-testid="edit"]')).click();
      const place = await browser.$('[data-testid="edit-location"]');
      await place.waitForDisplayed({ timeout: 5000 });
      await place.setValue("Camp Aguinaldo, Quezon City");
      await (await browser.$('[data-testid="save-location"]')).click();
      await browser.waitUntil(async () => (await (await browser.$('[data-testid="detail-place"]')).getText()) === "Camp Aguinaldo, Quezon City", {
        timeout: 5000,
        timeoutMsg: "the detail shows the new place",
      });
      assert.match(await (await browser.$('[data-testid="badge-edited"]')).getText(), /Place/);
      await browser.waitUntil(async () => (await rowTexts(browser)).some((t) => /Camp Aguinaldo/.test(t)), {
        timeout: 5000,
        timeoutMsg: "the table shows the new place",
      });

      // A bad value is refused beside its field, and nothing else changes:
      // a word that is not a country code, and a date the engine cannot read.
      const countries = await browser.$('[data-testid="edit-countries"]');
      await countries.setValue("PHL, U5A");
      await (await browser.$('[data-testid="save-countries"]')).click();
      const refusal = await browser.$('[data-testid="edit-countries"] ~ [data-testid="edit-error"]');
      await browser.waitUntil(async () => /U5A/.test(await refusal.getText()), { timeout: 5000, timeoutMsg: "the refusal names the bad code" });
      const dateInput = await browser.$('[data-testid="edit-date"]');
      await dateInput.setValue("2024-13-45");
      await (await browser.$('[data-testid="save-date"]')).click();
      const dateRefusal = await browser.$('[data-testid="edit-date"] ~ [data-testid="edit-error"]');
      await browser.waitUntil(async () => (await dateRefusal.getText()) !== "", { timeout: 5000, timeoutMsg: "the engine's refusal of the date is shown by it" });
      assert.equal(await (await browser.$('[data-testid="detail-place"]')).getText(), "Camp Aguinaldo, Quezon City");
      assert.match(await (await browser.$('[data-testid="detail-date"]')).getText(), /^2024-07-30 /);

      // The audit trail has the change, from what to what.
      const audit = await browser.$('[data-testid="audit"]');
      await browser.execute((el) => (el.open = true), audit);
      assert.match(await audit.getText(), /Place: .* → Camp Aguinaldo, Quezon City/);

      // Split the last source off: a new event with that source alone.
      const splits = await browser.$$('[data-testid="split"]');
      assert.equal(splits.length, 4, "each source of a grouped event can be split off");
      await splits[3].click();
      await sourceCount(browser, 1, "in the event split off");
      const split = await (await browser.$('[data-testid="detail-confidence"]')).getAttribute("data-event-id");
      assert.notEqual(split, id);
      await browser.waitUntil(async () => (await rows(browser)).length === before.length + 1, {
        timeout: 10000,
        timeoutMsg: "the split-off event is a row of its own",
      });

      // Merge it back: mark it, open the meeting, merge into it.
      await (await browser.$('[data-testid="merge-mark"]')).click();
      const meetingRow = await browser.$(`[data-testid="event-rows"] tr[data-event-id="${id}"]`);
      await browser.execute((el) => el.click(), await meetingRow.$("td"));
      const merge = await browser.$('[data-testid="merge-into"]');
      await merge.waitForDisplayed({ timeout: 5000 });
      assert.match(await merge.getText(), new RegExp(`Merge #${split} into this`));
      await merge.click();
      await sourceCount(browser, 4, "once merged back");
      await browser.waitUntil(async () => (await rows(browser)).length === before.length, {
        timeout: 10000,
        timeoutMsg: "the merged event's row is gone",
      });

      // Re-extraction: the counts, and the place as the analyst set it.
      await (await browser.$('[data-testid="review-button"]')).click();
      await (await browser.$('[data-testid="reextract"]')).click();
      const counts = await browser.$('[data-testid="reextract-counts"]');
      await counts.waitForDisplayed({ timeout: 20000 });
      assert.match(await counts.getText(), /^Read 4 articles again: /);
      const held = await browser.$('[data-testid="reextract-held"]');
      assert.match(await held.getText(), new RegExp(`Event #${id}, place: kept your value “Camp Aguinaldo, Quezon City”; extraction now says “Manila”`));
      await browser.execute((el) => el.click(), await (await browser.$(`[data-testid="event-rows"] tr[data-event-id="${id}"]`)).$("td"));
      await (await browser.$(`[data-testid="detail-confidence"][data-event-id="${id}"]`)).waitForExist({ timeout: 5000 });
      assert.equal(await (await browser.$('[data-testid="detail-place"]')).getText(), "Camp Aguinaldo, Quezon City");
      await sourceCount(browser, 4, "after re-extraction");
      assert.match(await (await browser.$('[data-testid="edited-field"][data-field="location"]')).getText(), /sources now say “Manila”/);

      // Revert the place to the sources.
      await (await browser.$('[data-testid="edited-field"][data-field="location"] [data-testid="revert"]')).click();
      await browser.waitUntil(async () => (await (await browser.$('[data-testid="detail-place"]')).getText()) === "Manila", {
        timeout: 5000,
        timeoutMsg: "the place is the sources' again",
      });
    });
  });

  test("the review queue is gone through with the keyboard, a deleted event is restored, and an event is added by hand", async () => {
    await withManila("review", async (browser) => {
      await openMeeting(browser);
      const before = (await rows(browser)).length;
      await (await browser.$('[data-testid="review-button"]')).click();
      const items = async () => browser.$$('[data-testid="review-item"]');
      await browser.waitUntil(async () => (await items()).length > 0, { timeout: 10000, timeoutMsg: "the queue lists events" });
      const queued = [];
      for (const it of await items()) queued.push({ id: await it.getAttribute("data-event-id"), reasons: await (await it.$('[data-testid="review-reasons"]')).getText() });
      const at = queued.findIndex((q) => /sources disagree/.test(q.reasons));
      assert.ok(at >= 0, `the meeting whose sources disagree is queued: ${JSON.stringify(queued)}`);
      const meeting = queued[at].id;

      // j and the arrows move the current row; Enter opens it; v verifies it.
      await browser.execute((el) => el.focus(), await browser.$('[data-testid="review-queue"]'));
      const current = async () => (await browser.$('[data-testid="review-item"][aria-selected="true"]')).getAttribute("data-event-id");
      assert.equal(await current(), queued[0].id, "the first event is current");
      await browser.keys(["ArrowDown", "ArrowUp", "k"]);
      assert.equal(await current(), queued[0].id, "up from the first stays on it");
      for (let i = 0; i < at; i++) await browser.keys(["j"]);
      assert.equal(await current(), meeting);
      await browser.keys(["Enter"]);
      await (await browser.$(`[data-testid="detail-confidence"][data-event-id="${meeting}"]`)).waitForExist({ timeout: 5000, timeoutMsg: "Enter opens the event" });
      await browser.keys(["v"]);
      await (await browser.$('[data-testid="badge-verified"]')).waitForDisplayed({ timeout: 5000, timeoutMsg: "v verifies the event" });
      // Read in the page: the queue is redrawn under the reading.
      const queuedIds = () => browser.execute(() => [...document.querySelectorAll('[data-testid="review-item"]')].map((e) => e.getAttribute("data-event-id")));
      await browser.waitUntil(async () => !(await queuedIds()).includes(meeting), {
        timeout: 5000,
        timeoutMsg: "a verified event leaves the queue",
      });
      assert.equal((await queuedIds()).length, queued.length - 1);

      // Delete the meeting, then restore it from the deleted events.
      await (await browser.$('[data-testid="delete"]')).click();
      await (await browser.$('[data-testid="badge-deleted"]')).waitForDisplayed({ timeout: 5000 });
      await waitForRows(browser, before - 1, "with the meeting deleted");
      await (await browser.$('[data-testid="show-deleted"]')).click();
      const deleted = await browser.$(`[data-testid="deleted-item"][data-event-id="${meeting}"]`);
      await deleted.waitForDisplayed({ timeout: 5000, timeoutMsg: "the deleted meeting is listed" });
      await (await deleted.$('[data-testid="restore"]')).click();
      await waitForRows(browser, before, "with the meeting restored");
      assert.equal(await (await browser.$('[data-testid="badge-deleted"]')).isExisting(), false);

      // An event added by hand, with a source but no article.
      await (await browser.$('[data-testid="add-event"]')).click();
      await (await browser.$('[data-testid="new-type"]')).selectByAttribute("value", "call");
      await (await browser.$('[data-testid="new-date"]')).setValue("2024-08-02");
      await (await browser.$('[data-testid="new-countries"]')).setValue("phl, jpn");
      await browser.execute((el) => {
        el.value = "Gilberto Teodoro, PHL, Secretary of National Defense\nMinoru Kihara, JPN, Minister of Defense";
      }, await browser.$('[data-testid="new-actors"]'));
      await (await browser.$('[data-testid="new-source-title"]')).setValue("Call noted from a briefing");
      await (await browser.$('[data-testid="new-save"]')).click();
      await (await browser.$('[data-testid="badge-origin"]')).waitForDisplayed({ timeout: 5000, timeoutMsg: "the added event is shown" });
      assert.equal(await (await browser.$('[data-testid="badge-origin"]')).getText(), "Added by hand");
      assert.match(await (await browser.$('[data-testid="detail-actors"]')).getText(), /Minoru Kihara/);
      assert.equal(await (await browser.$('[data-testid="source-title"]')).getText(), "Call noted from a briefing");
      await waitForRows(browser, before + 1, "with the call added");
      assert.ok((await rowTexts(browser)).some((t) => /2024-08-02[\s\S]*Call[\s\S]*JPN, PHL|2024-08-02[\s\S]*Call[\s\S]*PHL, JPN/.test(t)), "the call is a row");
    });
  });

  test("a person the gazetteer lacks is corrected: the event's actors edited, and their country saved to the analyst's gazetteer", async () => {
    const dir = mkdtempSync(join(tmpdir(), "detente-e2e-"));
    const article = join(dir, "tokyo.txt");
    // The engine gives the unknown navy chief the country of the sentence's other minister.
    writeFileSync(article, "Officials meet\nMarch 12, 2024\n\nTOKYO, March 12 - Japanese Defense Minister Minoru Kihara met Navy Chief Ramon Dizon in Tokyo on Tuesday.\n");
    const browser = await launch(["--db", join(dir, "person.db"), "--import", article]);
    try {
      await openMeeting(browser);
      const dizon = '[data-testid="detail-actors"] button[data-actor="Ramon Dizon"]';
      await (await browser.$(dizon)).click();
      const card = await browser.$(`${dizon} ~ [data-testid="actor-card"]`);
      await (await card.$('[data-testid="actor-kind"]')).waitForDisplayed({ timeout: 5000 });
      assert.equal(await (await card.$('[data-testid="actor-kind"]')).getText(), "Learned from the text");
      assert.match(await card.getText(), /Japan \(JPN\)/);

      // The gazetteer layer: his country, kept for every later import.
      await (await card.$('[data-testid="person-form"] summary')).click();
      await (await card.$('[data-testid="person-country"]')).setValue("phl");
      await (await card.$('[data-testid="person-office"]')).setValue("Flag Officer in Command, Philippine Navy");
      await (await card.$('[data-testid="person-save"]')).click();
      await browser.waitUntil(async () => /Philippines \(PHL\)/.test(await card.getText()), { timeout: 5000, timeoutMsg: "the card shows the saved country" });

      // The event's actors, one a line.
      await (await browser.$('[data-testid="edit"]')).click();
      const actors = await browser.$('[data-testid="edit-actors"]');
      await actors.waitForDisplayed({ timeout: 5000 });
      assert.equal(await actors.getValue(), "Minoru Kihara, JPN, Defense Minister\nRamon Dizon, JPN, Navy Chief");
      await browser.execute((el) => {
        el.value = "Minoru Kihara, JPN, Defense Minister\nRamon Dizon, PHL, Navy chief";
      }, actors);
      await (await browser.$('[data-testid="save-actors"]')).click();
      await browser.waitUntil(async () => /Ramon Dizon — Navy chief, PHL/.test(await (await browser.$('[data-testid="detail-actors"]')).getText()), {
        timeout: 5000,
        timeoutMsg: "the detail shows the corrected actor",
      });
      assert.match(await (await browser.$('[data-testid="badge-edited"]')).getText(), /Actors/);
    } finally {
      await browser.deleteSession();
    }
  });
});
