// The detail panel: every field of an event and, for each source article,
// its text with the evidence sentences highlighted (as text, never HTML).
// An actor's name opens their card: who they are, under which names, with
// which offices, and a button that filters the timeline by them.
import type { ActorDetail, EventDetail } from "../lib/api";
import { KIND_LABEL, officeTitle, roleLine, termDates } from "../lib/actors";
import { clear, h } from "../lib/dom";
import { TYPE_LABEL } from "../lib/timeline/layout";

export interface DetailActions {
  /** The actor card's content, by the name the event gives. */
  actor: (name: string) => Promise<ActorDetail>;
  /** Shows only the events of this actor (a canonical name). */
  filterByActor: (name: string) => void;
  /** Shows the event's days on the timeline ("fit selection"). */
  fit: () => void;
}

const PRECISION: Record<string, string> = {
  day: "day",
  month: "month only",
  year: "year only",
  range: "date range",
};

export class DetailPanel {
  readonly el: HTMLElement;
  private readonly body: HTMLDivElement;

  constructor(
    onClose: () => void,
    private readonly actions: DetailActions,
  ) {
    this.body = h("div", { class: "detail-body" });
    this.el = h(
      "aside",
      { class: "detail", "data-testid": "detail", hidden: true, "aria-label": "Event details" },
      h("button", { class: "close", type: "button", "aria-label": "Close details", onclick: onClose }, "×"),
      h(
        "button",
        { type: "button", class: "link fit", "data-testid": "fit-selection", title: "Fit the timeline to this event (F)", onclick: () => actions.fit() },
        "Show on the timeline",
      ),
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
                ...d.actors.map((a) => this.actorItem(a)),
              )
            : "—",
        ),
        field("Place", d.location || "—"),
        field(
          "Confidence",
          h("span", { "data-testid": "detail-confidence", "data-event-id": d.id, "data-value": String(d.confidence) }, `${Math.round(d.confidence * 100)}%`),
        ),
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

  /** An event's actor: the name opens (and closes) the actor card below it. */
  private actorItem(a: EventDetail["actors"][number]): HTMLLIElement {
    const card = h("div", { class: "actor-card", "data-testid": "actor-card", hidden: true });
    const name = h(
      "button",
      { type: "button", class: "actor-name", "aria-expanded": "false", "data-testid": "actor-name", "data-actor": a.name },
      a.name,
    );
    let loaded = false;
    name.addEventListener("click", () => {
      const open = card.hidden;
      card.hidden = !open;
      name.setAttribute("aria-expanded", String(open));
      if (!open || loaded) return;
      loaded = true;
      card.replaceChildren(h("p", { class: "muted" }, "Loading…"));
      this.actions.actor(a.name).then(
        (d) => card.replaceChildren(...this.actorCard(d)),
        (e: unknown) => {
          loaded = false;
          const message = e && typeof e === "object" && "message" in e ? String(e.message) : String(e);
          card.replaceChildren(h("p", { class: "error" }, `Cannot show this actor: ${message}`));
        },
      );
    });
    const held = [a.role, a.country].filter(Boolean).join(", ");
    return h("li", {}, name, held ? ` — ${held}` : "", card);
  }

  private actorCard(d: ActorDetail): Node[] {
    const field = (label: string, ...value: (Node | string)[]) =>
      h("div", { class: "field" }, h("dt", {}, label), h("dd", {}, ...value));
    const list = (testid: string, items: string[]) =>
      items.length ? h("ul", { "data-testid": testid }, ...items.map((t) => h("li", {}, t))) : "—";

    return [
      h("h3", { "data-testid": "actor-card-name" }, d.name),
      h("p", { class: `actor-kind ${d.kind}`, "data-testid": "actor-kind" }, KIND_LABEL[d.kind]),
      h(
        "dl",
        {},
        field("Country", d.country ? `${d.countryName} (${d.country})` : "—"),
        d.kind === "known"
          ? field(
              "Offices",
              d.offices.length
                ? h(
                    "ul",
                    { "data-testid": "actor-offices" },
                    ...d.offices.map((o) => h("li", {}, h("span", { class: "office" }, officeTitle(o)), h("span", { class: "term" }, termDates(o)))),
                  )
                : "—",
            )
          : null,
        d.kind === "known" ? field("Also written", list("actor-aliases", d.aliases)) : null,
        field("In the articles", list("actor-roles", d.roles.map(roleLine))),
        field("Events", String(d.events)),
      ),
      h(
        "button",
        { type: "button", "data-testid": "actor-filter", onclick: () => this.actions.filterByActor(d.name) },
        "Show only this actor's events",
      ),
    ];
  }
}
