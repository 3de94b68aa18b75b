// Builds the frame-time benchmark (bench/frames.html) into a temporary
// directory, serves it on localhost, runs it in headless Chromium at
// 1280×800 and prints the frame times. Exits 1 when the page fails or a
// gated scenario's p95 frame time is over the budget.
//
//   node bench/run-frames.mjs [--json FILE]
//
// CHROMIUM overrides the browser (default /usr/bin/chromium).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { build } from "vite";

const bench = dirname(fileURLToPath(import.meta.url));
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const jsonAt = process.argv.indexOf("--json");
const jsonFile = jsonAt > 0 ? process.argv[jsonAt + 1] : undefined;

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };

/** A static server for the built page, on a free port of 127.0.0.1. */
function serve(root) {
  const server = createServer((req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)));
    if (!path.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(path);
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const ms = (v) => v.toFixed(1).padStart(6);

function table(result) {
  const rows = result.scenarios.map((s) => [
    s.name,
    s.motion,
    String(s.shapes),
    s.inView === null ? "" : String(s.inView),
    `${ms(s.draw.median)} ${ms(s.draw.p95)} ${ms(s.draw.max)}`,
    `${ms(s.frame.median)} ${ms(s.frame.p95)} ${ms(s.frame.max)}`,
    s.gated ? (s.frame.p95 <= result.budgetMs ? "ok" : "OVER") : "info",
  ]);
  const head = ["scenario", "gesture", "shapes", "in view", "draw ms: median    p95    max", "frame ms: median   p95    max", "p95"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

async function main() {
  const out = mkdtempSync(join(tmpdir(), "detente-bench-"));
  let server;
  let browser;
  try {
    const site = join(out, "site");
    await build({
      root: bench,
      configFile: false,
      base: "./",
      logLevel: "warn",
      build: {
        outDir: site,
        emptyOutDir: true,
        target: "es2022",
        modulePreload: { polyfill: false },
        rolldownOptions: { input: join(bench, "frames.html") },
      },
    });
    server = await serve(site);
    const { port } = server.address();
    browser = await chromium.launch({
      executablePath,
      // Playwright adds --headless, --no-sandbox and a fresh --user-data-dir.
      args: [
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") console.error(`page console: ${m.text()}`);
    });
    await page.goto(`http://127.0.0.1:${port}/frames.html`);
    await page.waitForFunction(() => window.__benchResult !== undefined, undefined, { timeout: 600_000, polling: 500 });
    const result = await page.evaluate(() => window.__benchResult);
    if (jsonFile) writeFileSync(jsonFile, JSON.stringify(result, null, 2) + "\n");
    if (!result.ok) {
      console.error(`benchmark failed in the page: ${result.error}`);
      return 1;
    }
    console.log(`${result.userAgent}\nviewport ${result.viewport}, device pixel ratio ${result.devicePixelRatio}, ${result.scenarios[0]?.frames ?? 0} frames a gesture\n`);
    console.log(table(result));
    console.log("\ndraw: the Timeline's synchronous drawing; frame: draw plus rasterising it (one pixel read back).");
    const over = result.scenarios.filter((s) => s.gated && s.frame.p95 > result.budgetMs);
    if (over.length) {
      console.error(`\n${over.length} scenario(s) over ${result.budgetMs} ms at p95`);
      return 1;
    }
    console.log(`\nall gated scenarios under ${result.budgetMs} ms at p95`);
    return 0;
  } finally {
    await browser?.close();
    server?.close();
    rmSync(out, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
