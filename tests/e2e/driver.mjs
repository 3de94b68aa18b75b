// tauri-driver and a WebDriver session on the app: shared by the end-to-end
// tests and the screenshot script.
import { spawn } from "node:child_process";
import { remote } from "webdriverio";

// tauri-driver listens here and gives WebKitWebDriver the next port.
export const PORT = 4444;

/** Starts tauri-driver and waits until it answers. */
export async function startDriver() {
  // A process group of its own, so that WebKitWebDriver and the app can be
  // killed with it if it does not stop.
  const driver = spawn("tauri-driver", ["--port", String(PORT)], {
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
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

/**
 * Stops tauri-driver: SIGTERM, which it passes on to WebKitWebDriver. If it
 * has not exited within five seconds (seen once: the run then hung until its
 * time limit), its whole process group is killed, so that no WebKitWebDriver
 * is left orphaned holding the run's output open.
 */
export async function stopDriver(driver) {
  if (driver && driver.exitCode === null) {
    const exited = new Promise((r) => driver.once("exit", r));
    driver.kill("SIGTERM");
    let timer;
    const late = new Promise((r) => (timer = setTimeout(r, 5000, "late")));
    if ((await Promise.race([exited, late])) === "late") {
      process.kill(-driver.pid, "SIGKILL");
      await exited;
    }
    clearTimeout(timer);
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
