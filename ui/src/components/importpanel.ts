// The import under way and how it ended: a progress bar with the current
// file, an estimate and a Cancel button; then the summary, with every file
// that failed and why.
import type { Columns, ImportSummary } from "../lib/api";
import { clear, h } from "../lib/dom";
import { fileName, summaryLine, timeLeft } from "../lib/import/progress";

export class ImportPanel {
  readonly el: HTMLElement;
  private readonly bar: HTMLProgressElement;
  private readonly line: HTMLSpanElement;
  private readonly cancel: HTMLButtonElement;
  private readonly failures: HTMLDetailsElement;
  private started = 0;
  /** An import is under way (progress events after it ended are stale). */
  running = false;
  private seen = false;

  constructor(
    onCancel: () => void,
    /** The field names of a corpus file, and importing it again with chosen columns. */
    private readonly corpus: { columns: (file: string) => Promise<string[]>; reimport: (file: string, c: Columns) => void },
  ) {
    this.bar = h("progress", { class: "import-bar", max: 1, value: 0, "aria-label": "Import progress" });
    this.line = h("span", { class: "import-line", "data-testid": "import-line" });
    this.cancel = h("button", { type: "button", "data-testid": "import-cancel", onclick: () => {
      this.cancel.disabled = true;
      this.line.textContent = "Cancelling after the files being read…";
      onCancel();
    } }, "Cancel");
    this.failures = h("details", { class: "import-failures", hidden: true, "data-testid": "import-failures" });
    this.el = h("div", { class: "import-panel", hidden: true, "data-testid": "import-panel" }, this.bar, this.line, this.cancel, this.failures);
  }

  /** An import has started. */
  start(files: number): void {
    this.running = true;
    this.seen = true;
    this.started = performance.now();
    this.el.hidden = false;
    this.bar.hidden = false;
    this.cancel.hidden = false;
    this.cancel.disabled = false;
    this.failures.hidden = true;
    this.bar.max = Math.max(1, files);
    this.bar.value = 0;
    this.line.textContent = "Reading files…";
  }

  /** `done` of `total` files are finished, the last being `file`. */
  progress(done: number, total: number, file: string): void {
    // The first import may begin before the window asked (files given at start-up).
    if (!this.running) {
      if (this.seen) return;
      this.start(total);
    }
    this.bar.max = Math.max(1, total);
    this.bar.value = done;
    const left = timeLeft(done, total, performance.now() - this.started);
    this.line.textContent = `${done} of ${total} files · ${fileName(file)}${left ? ` · ${left}` : ""}`;
  }

  /** The import is over: its summary, failures listed by file. */
  finish(s: ImportSummary): void {
    this.running = false;
    this.seen = true;
    this.el.hidden = false;
    this.bar.hidden = true;
    this.cancel.hidden = true;
    this.line.textContent = summaryLine(s);
    this.el.classList.toggle("error", s.failed.length > 0 || Boolean(s.stopped));
    clear(this.failures);
    this.failures.hidden = s.failed.length === 0;
    if (s.failed.length) {
      this.failures.append(
        h("summary", {}, `${s.failed.length} file${s.failed.length === 1 ? "" : "s"} not imported`),
        h("ul", {}, ...s.failed.map((f) => this.failure(f.file, f.reason))),
      );
      this.failures.open = s.failed.length <= 5;
    }
  }

  /** The import could not run at all. */
  abort(message: string): void {
    this.running = false;
    this.el.hidden = false;
    this.bar.hidden = true;
    this.cancel.hidden = true;
    this.failures.hidden = true;
    this.line.textContent = `Import failed: ${message}`;
    this.el.classList.add("error");
  }

  private failure(file: string, reason: string): HTMLLIElement {
    const li = h("li", {}, h("span", { class: "file" }, file), ": ", reason);
    // A corpus whose text column was not found: the analyst names the columns.
    if (reason.includes("no text column")) {
      const choose = h("button", { type: "button", "data-testid": "choose-columns", onclick: async () => {
        choose.disabled = true;
        try {
          li.append(this.columnForm(file, await this.corpus.columns(file)));
        } catch {
          choose.disabled = false;
        }
      } }, "Choose columns…");
      li.append(" ", choose);
    }
    return li;
  }

  private columnForm(file: string, names: string[]): HTMLFormElement {
    const select = (field: keyof Columns, label: string, required: boolean): [HTMLLabelElement, HTMLSelectElement] => {
      const el = h("select", { "data-testid": `column-${field}` }, required ? null : h("option", { value: "" }, "—"), ...names.map((n) => h("option", { value: n }, n)));
      return [h("label", {}, label, " ", el), el];
    };
    const fields = [select("text", "Text", true), select("title", "Title", false), select("date", "Date", false), select("url", "URL", false)] as const;
    const form = h("form", { class: "columns-form" }, ...fields.map(([l]) => l), h("button", { type: "submit", class: "primary", "data-testid": "columns-import" }, "Import with these columns"));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const [text, title, date, url] = fields.map(([, el]) => el.value || undefined);
      this.corpus.reimport(file, { text, title, date, url });
    });
    return form;
  }
}
