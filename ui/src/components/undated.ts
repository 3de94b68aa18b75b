// Articles without a publication date: their relative dates ("on Tuesday")
// could not be resolved. The analyst sets the date; events are read again.
import type { UndatedArticle } from "../lib/api";
import { clear, h } from "../lib/dom";

export class UndatedPanel {
  readonly button: HTMLButtonElement;
  readonly el: HTMLElement;
  private readonly list: HTMLUListElement;

  constructor(private readonly onSet: (id: number, date: string) => Promise<void>) {
    this.button = h(
      "button",
      { type: "button", class: "warning", hidden: true, "data-testid": "undated-button", onclick: () => this.toggle() },
    );
    this.list = h("ul", { class: "undated-list" });
    this.el = h(
      "section",
      { class: "undated", hidden: true, "data-testid": "undated", "aria-label": "Articles without a publication date" },
      h("h2", {}, "Articles without a publication date"),
      h("p", { class: "muted" }, "Dates such as “on Tuesday” in these articles could not be resolved. Set the date each was published; its events are then read again."),
      this.list,
    );
  }

  private toggle(): void {
    this.el.hidden = !this.el.hidden;
  }

  private shown = "";

  /** The newest articles without a date, of `total`. */
  update(articles: UndatedArticle[], total = articles.length): void {
    // Rebuilt only when the set changes, so a date being typed survives refreshes.
    const key = `${total}:${articles.map((a) => a.id).join(",")}`;
    if (key === this.shown) return;
    this.shown = key;
    this.button.hidden = total === 0;
    // Short in the toolbar; the whole phrase for the pointer and screen readers.
    const whole = `${total.toLocaleString()} article${total === 1 ? "" : "s"} without a date`;
    this.button.textContent = `${total.toLocaleString()} undated`;
    this.button.title = whole;
    this.button.setAttribute("aria-label", whole);
    if (total === 0) this.el.hidden = true;
    clear(this.list);
    if (total > articles.length) {
      this.list.append(h("li", { class: "muted" }, `The newest ${articles.length} of ${total.toLocaleString()}; each one dated leaves room for another.`));
    }
    for (const a of articles) {
      const input = h("input", { type: "date", "aria-label": `Publication date of ${a.title}`, "data-testid": "undated-date" });
      const apply = h("button", { type: "button", class: "primary", "data-testid": "undated-apply" }, "Set date");
      apply.addEventListener("click", () => {
        if (input.value) void this.onSet(a.id, input.value);
      });
      this.list.append(
        h("li", {}, h("div", {}, h("strong", {}, a.title || "(untitled)"), h("div", { class: "path muted", title: a.file }, a.file)), input, apply),
      );
    }
  }
}
