// tauri-driver and a WebDriver session on the app: shared by the end-to-end
// tests and the screenshot script.
import { spawn } from "node:child_process";
import { remote } from "webdriverio";

// tauri-driver listens here and gives WebKitWebDriver the next port.
export const PORT = 4444;

/** Starts tauri-driver and waits until it answers. */
export async function startDriver() {
  const driver = spawn("tauri-driver", ["--port", String(PORT)], { stdio: ["ignore", "inherit", "inherit"] });
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${PORT}/status`);
      if (r.ok) return driver;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  driver.kill("SIGTERM");
  throw new Error("tauri-driver did not start");
}

/** Stops tauri-driver: SIGTERM, then waits (SIGKILL would orphan WebKitWebDriver and hang the run). */
export async function stopDriver(driver) {
  if (driver && driver.exitCode === null) {
    const exited = new Promise((r) => driver.once("exit", r));
    driver.kill("SIGTERM");
    await exited;
  }
}

/** A session on a new window of the app `application`, started with `args`. */
export function launch(application, args) {
  return remote({
    hostname: "127.0.0.1",
    port: PORT,
    logLevel: "error",
    connectionRetryCount: 0,
    capabilities: {
      "wdio:enforceWebDriverClassic": true,
      "tauri:options": { application, args },
    },
  });
}
