// The detail panel: every field of an event and, for each source article,
// its text with the evidence sentences highlighted (as text, never HTML).
import type { EventDetail } from "../lib/api";
import { clear, h } from "../lib/dom";
import { TYPE_LABEL } from "../lib/timeline/layout";

const PRECISION: Record<string, string> = {
  day: "day",
  month: "month only",
  year: "year only",
  range: "date range",
};

export class DetailPanel {
  readonly el: HTMLElement;
  private readonly body: HTMLDivElement;

  constructor(onClose: () => void) {
    this.body = h("div", { class: "detail-body" });
    this.el = h(
      "aside",
      { class: "detail", "data-testid": "detail", hidden: true, "aria-label": "Event details" },
      h("button", { class: "close", type: "button", "aria-label": "Close details", onclick: onClose }, "×"),
      this.body,
    );
  }

  hide(): void {
    this.el.hidden = true;
    clear(this.body);
  }

  show(d: EventDetail): void {
    clear(this.body);
    const field = (label: string, ...value: (Node | string)[]) =>
      h("div", { class: "field" }, h("dt", {}, label), h("dd", {}, ...value));
    const date = `${d.date} (${PRECISION[d.precision] ?? d.precision}${d.dateInferred ? ", inferred from the article's date" : ""})`;
    this.body.append(
      h("h2", { "data-testid": "detail-type" }, h("span", { class: `swatch t-${d.type}` }), TYPE_LABEL[d.type]),
      h(
        "dl",
        {},
        field("Date", h("span", { "data-testid": "detail-date" }, date)),
        field("Status", d.status),
        field("Countries", d.countries.map((c) => `${c.name} (${c.code})`).join(", ") || "—"),
        field(
          "Actors",
          d.actors.length
            ? h(
                "ul",
                { class: "actors", "data-testid": "detail-actors" },
                ...d.actors.map((a) => h("li", {}, h("strong", {}, a.name), [a.role, a.country].filter(Boolean).length ? ` — ${[a.role, a.country].filter(Boolean).join(", ")}` : "")),
              )
            : "—",
        ),
        field("Place", d.location || "—"),
        field("Confidence", `${Math.round(d.confidence * 100)}%`),
      ),
    );
    for (const s of d.sources) {
      const article = h("div", { class: "article-text", "data-testid": "article-text" });
      for (const seg of s.segments) {
        article.append(seg.evidence ? h("mark", { "data-testid": "evidence" }, seg.text) : document.createTextNode(seg.text));
      }
      this.body.append(
        h(
          "section",
          { class: "source" },
          h("h3", { "data-testid": "source-title" }, s.title || "(untitled)"),
          h(
            "p",
            { class: "source-meta" },
            s.published ? `Published ${s.published}` : "Publication date unknown",
            s.publishedSource ? ` (${s.publishedSource})` : "",
            " · ",
            h("span", { class: "path", title: s.file }, s.file),
          ),
          article,
        ),
      );
    }
    this.el.hidden = false;
    this.body.querySelector("mark")?.scrollIntoView({ block: "center" });
  }
}
