// The detail panel: every field of an event and, for each source article,
// its text with the evidence sentences highlighted (as text, never HTML).
// An actor's name opens their card: who they are, under which names, with
// which offices, and a button that filters the timeline by them.
// Every source is listed with what it says; where the sources disagree the
// panel says which says what. The analyst corrects the event here (see
// `Curation`); each change answers with the event as the store now holds it.
import type { ActorDetail, EditField, EventDetail, EventType, Source, UserPerson } from "../lib/api";
import { KIND_LABEL, officeTitle, roleLine, termDates } from "../lib/actors";
import { actorLines, messageOf, parseActors, parseCountries, parseTags, showValue, type Parsed } from "../lib/curation";
import { append, clear, h } from "../lib/dom";
import { TYPE_LABEL, TYPE_ORDER } from "../lib/timeline/layout";

/** The analyst's corrections, each answering with the event to show next. */
export interface Curation {
  edit: (id: number, field: EditField, value: unknown) => Promise<EventDetail>;
  remove: (id: number, deleted: boolean) => Promise<EventDetail>;
  verify: (id: number, verified: boolean) => Promise<EventDetail>;
  tag: (id: number, tags: string[], note: string) => Promise<EventDetail>;
  merge: (into: number, from: number) => Promise<EventDetail>;
  split: (id: number, reportId: number) => Promise<EventDetail>;
}

export interface DetailActions {
  /** The actor card's content, by the name the event gives. */
  actor: (name: string) => Promise<ActorDetail>;
  /** Shows only the events of this actor (a canonical name). */
  filterByActor: (name: string) => void;
  /** Shows the event's days on the timeline ("fit selection"). */
  fit: () => void;
  curate: Curation;
  /** Adds a person to the analyst's own gazetteer layer, used by every later import. */
  savePerson: (p: UserPerson) => Promise<unknown>;
  /** An event changed (or was made by a split): the timeline and the table are redrawn. */
  changed: (d: EventDetail) => void;
}

const FIELD_LABEL: Record<string, string> = {
  type: "Type",
  date: "Date",
  status: "Status",
  countries: "Countries",
  actors: "Actors",
  location: "Place",
};

const ORIGIN_LABEL: Record<string, string> = { manual: "Added by hand", imported: "Imported" };


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
    this.current = null;
    clear(this.body);
  }

  /** The event shown, for the corrections. */
  private current: EventDetail | null = null;
  /** The event marked to be merged into another. */
  private marked: { id: number; label: string } | null = null;
  /** The edit form stays open across the redraw after a save. */
  private editing = false;

  show(d: EventDetail): void {
    const sameEvent = this.current?.id === d.id;
    this.current = d;
    if (!sameEvent) this.editing = false;
    clear(this.body);
    const field = (label: string, ...value: (Node | string | null)[]) =>
      h("div", { class: "field" }, h("dt", {}, label), h("dd", {}, ...value));
    const edited = (f: string) => (d.edited.includes(f) ? h("span", { class: "badge edited", title: "Set by the analyst" }, "edited") : null);
    const date = `${d.date} (${PRECISION[d.precision] ?? d.precision}${d.dateInferred ? ", inferred from the article's date" : ""})`;
    const error = h("p", { class: "error", "data-testid": "curation-error", role: "alert" });
    append(
      this.body,
      h("h2", { "data-testid": "detail-type" }, h("span", { class: `swatch t-${d.type}` }), TYPE_LABEL[d.type]),
      h(
        "p",
        { class: "badges", "data-testid": "detail-badges" },
        d.verified ? h("span", { class: "badge verified", "data-testid": "badge-verified" }, "Verified") : null,
        d.deleted ? h("span", { class: "badge deleted", "data-testid": "badge-deleted" }, "Deleted") : null,
        d.edited.length ? h("span", { class: "badge edited", "data-testid": "badge-edited" }, `Edited: ${d.edited.map((f) => FIELD_LABEL[f] ?? f).join(", ")}`) : null,
        ORIGIN_LABEL[d.origin] ? h("span", { class: "badge origin", "data-testid": "badge-origin" }, ORIGIN_LABEL[d.origin]) : null,
        h("span", { class: "muted", "data-testid": "detail-id" }, `#${d.id}`),
      ),
      this.actionBar(d, error),
      error,
      h(
        "dl",
        {},
        field("Date", h("span", { "data-testid": "detail-date" }, date), edited("date")),
        field("Status", d.status, edited("status")),
        field("Countries", d.countries.map((c) => `${c.name} (${c.code})`).join(", ") || "—", edited("countries")),
        field(
          "Actors",
          d.actors.length
            ? h(
                "ul",
                { class: "actors", "data-testid": "detail-actors" },
                ...d.actors.map((a) => this.actorItem(a)),
              )
            : "—",
          edited("actors"),
        ),
        field("Place", h("span", { "data-testid": "detail-place" }, d.location || "—"), edited("location")),
        field(
          "Confidence",
          h("span", { "data-testid": "detail-confidence", "data-event-id": d.id, "data-value": String(d.confidence) }, `${Math.round(d.confidence * 100)}%`),
        ),
      ),
      this.editedFields(d, error),
      this.editForm(d),
      this.disagreements(d),
      this.tagForm(d, error),
    );
    d.sources.forEach((s, i) => this.body.append(this.source(d, s, i, error)));
    append(this.body, this.auditTrail(d));
    this.el.hidden = false;
    if (!sameEvent) this.body.querySelector("mark")?.scrollIntoView({ block: "center" });
  }

  /** Runs a correction; the event it answers with is shown and the view
   * redrawn. A refusal is shown in `error` and nothing else changes. */
  private async apply(error: HTMLElement, change: () => Promise<EventDetail>): Promise<void> {
    error.textContent = "";
    try {
      const d = await change();
      this.show(d);
      this.actions.changed(d);
    } catch (e) {
      error.textContent = messageOf(e);
    }
  }

  private actionBar(d: EventDetail, error: HTMLElement): HTMLElement {
    const c = this.actions.curate;
    const button = (testid: string, label: string, onclick: () => void, title?: string) =>
      h("button", { type: "button", "data-testid": testid, title, onclick }, label);
    const marked = this.marked;
    return h(
      "div",
      { class: "curation-actions" },
      button("verify", d.verified ? "Unverify" : "Verify", () => void this.apply(error, () => c.verify(d.id, !d.verified))),
      button("delete", d.deleted ? "Restore" : "Delete", () => void this.apply(error, () => c.remove(d.id, !d.deleted))),
      button("edit", this.editing ? "Close editing" : "Edit", () => {
        this.editing = !this.editing;
        this.show(d);
      }),
      marked && marked.id !== d.id
        ? button(
            "merge-into",
            `Merge #${marked.id} into this`,
            () => {
              this.marked = null;
              void this.apply(error, () => c.merge(d.id, marked.id));
            },
            `Moves every source of ${marked.label} into this event`,
          )
        : null,
      marked?.id === d.id
        ? button("merge-unmark", "Unmark", () => {
            this.marked = null;
            this.show(d);
          })
        : button(
            "merge-mark",
            "Mark for merge",
            () => {
              this.marked = { id: d.id, label: `#${d.id} (${TYPE_LABEL[d.type]}, ${d.date})` };
              this.show(d);
            },
            "Then open the event to merge it into and press “Merge into this”",
          ),
    );
  }

  /** The fields the analyst set, each with what the sources now say and a way back to them. */
  private editedFields(d: EventDetail, error: HTMLElement): HTMLElement | null {
    const fields = d.edited.filter((f) => f in FIELD_LABEL);
    if (fields.length === 0) return null;
    return h(
      "section",
      { class: "held", "data-testid": "edited-fields" },
      h("h3", {}, "Your corrections"),
      h(
        "ul",
        {},
        ...fields.map((f) => {
          const held = d.held.find((x) => x.field === f);
          return h(
            "li",
            { "data-testid": "edited-field", "data-field": f },
            `${FIELD_LABEL[f]}: `,
            held ? `yours “${showValue(held.shown)}”; the sources now say “${showValue(held.extracted)}” ` : "the sources say the same ",
            h(
              "button",
              {
                type: "button",
                class: "link",
                "data-testid": "revert",
                onclick: () => void this.apply(error, () => this.actions.curate.edit(d.id, f as EditField, null)),
              },
              "Revert to the sources",
            ),
          );
        }),
      ),
    );
  }

  /** One input a field, each saved on its own; a refusal is shown beside its field. */
  private editForm(d: EventDetail): HTMLElement | null {
    if (!this.editing) return null;
    const row = <T>(f: EditField, input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, parse: () => Parsed<T>, hint?: string) => {
      const error = h("span", { class: "error", "data-testid": "edit-error", role: "alert" });
      const save = () => {
        const p = parse();
        if (!p.ok) {
          error.textContent = p.error;
          return;
        }
        void this.apply(error, () => this.actions.curate.edit(d.id, f, p.value));
      };
      input.setAttribute("data-testid", `edit-${f}`);
      input.setAttribute("aria-label", FIELD_LABEL[f]);
      if (input instanceof HTMLInputElement) input.addEventListener("keydown", (e) => e.key === "Enter" && save());
      return h(
        "div",
        { class: "edit-row" },
        h("label", {}, FIELD_LABEL[f]),
        input,
        h("button", { type: "button", "data-testid": `save-${f}`, onclick: save }, "Save"),
        hint ? h("small", { class: "muted" }, hint) : null,
        error,
      );
    };
    const text = (value: string) => h("input", { type: "text", value });
    const select = (value: string, options: [string, string][]) => {
      const el = h("select", {}, ...options.map(([v, label]) => h("option", { value: v, selected: v === value }, label)));
      el.value = value;
      return el;
    };
    const type = select(d.type, TYPE_ORDER.map((t) => [t, TYPE_LABEL[t]]));
    const date = text(d.date);
    const status = select(d.status, [
      ["occurred", "occurred"],
      ["planned", "planned"],
    ]);
    const countries = text(d.countries.map((c) => c.code).join(", "));
    const location = text(d.location);
    const actors = h("textarea", { rows: Math.max(2, d.actors.length + 1) });
    actors.value = actorLines(d.actors);
    const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
    return h(
      "section",
      { class: "edit-form", "data-testid": "edit-form", "aria-label": "Edit the event" },
      row("type", type, () => ok(type.value as EventType)),
      row("date", date, () => ok(date.value.trim()), "2024-07-30, 2024-07 (month), 2024 (year) or 2024-04-22/2024-05-10"),
      row("status", status, () => ok(status.value)),
      row("countries", countries, () => parseCountries(countries.value), "codes, such as PHL, USA"),
      row("location", location, () => ok(location.value.trim())),
      row("actors", actors, () => parseActors(actors.value), "one a line: Name, CTRY, role"),
    );
  }

  /** The fields the sources give differently, and which source says what. */
  private disagreements(d: EventDetail): HTMLElement | null {
    if (d.disagreements.length === 0) return null;
    const titleOf = (id: number) => {
      const s = d.sources.find((x) => x.reportId === id);
      return s ? s.title || s.file || "(untitled)" : `report ${id}`;
    };
    return h(
      "section",
      { class: "disagreements", "data-testid": "disagreements" },
      h("h3", {}, "Sources disagree"),
      ...d.disagreements.map((g) =>
        h(
          "div",
          { class: "disagreement", "data-testid": "disagreement", "data-field": g.field },
          h("strong", {}, FIELD_LABEL[g.field] ?? g.field),
          h(
            "ul",
            {},
            ...g.values.map((v) => h("li", {}, h("span", { class: "value" }, v.value || "—"), ": ", g.values.length ? v.reports.map(titleOf).join("; ") : "")),
          ),
        ),
      ),
    );
  }

  private tagForm(d: EventDetail, error: HTMLElement): HTMLElement {
    const tags = h("input", { type: "text", value: d.tags.join(", "), "aria-label": "Tags", "data-testid": "tags", placeholder: "tags, with commas" });
    const note = h("textarea", { rows: 2, "aria-label": "Note", "data-testid": "note", placeholder: "A note" });
    note.value = d.note;
    return h(
      "section",
      { class: "tags" },
      tags,
      note,
      h(
        "button",
        { type: "button", "data-testid": "save-tags", onclick: () => void this.apply(error, () => this.actions.curate.tag(d.id, parseTags(tags.value), note.value)) },
        "Save tags and note",
      ),
    );
  }

  /** A source: where it was told, what it says, why it was grouped here, and its text. */
  private source(d: EventDetail, s: Source, i: number, error: HTMLElement): HTMLElement {
    const article = h("div", { class: "article-text", "data-testid": "article-text" });
    for (const seg of s.segments) {
      article.append(seg.evidence ? h("mark", { "data-testid": "evidence" }, seg.text) : document.createTextNode(seg.text));
    }
    const says = [s.date, s.location, s.status].filter(Boolean).join(" · ");
    return h(
      "section",
      { class: "source", "data-testid": "source", "data-report-id": s.reportId },
      h("h3", { "data-testid": "source-title" }, s.title || "(untitled)"),
      h(
        "p",
        { class: "source-meta" },
        s.published ? `Published ${s.published}` : "Publication date unknown",
        s.publishedSource ? ` (${s.publishedSource})` : "",
        " · ",
        h("span", { class: "path", title: s.file }, s.file || s.url || ""),
      ),
      h("p", { class: "source-says", "data-testid": "source-says" }, `Says: ${says || "—"}`),
      s.segments.length === 0 && s.evidence.length ? h("blockquote", {}, s.evidence.join(" … ")) : null,
      i > 0 && s.why.length
        ? h(
            "details",
            { class: "why", "data-testid": "why" },
            h("summary", {}, s.pinned ? "Placed here by you" : "Why grouped with the first source"),
            h("ul", {}, ...s.why.map((w) => h("li", {}, w))),
          )
        : s.pinned && i > 0
          ? h("p", { class: "muted" }, "Placed here by you")
          : null,
      d.sources.length > 1
        ? h(
            "button",
            {
              type: "button",
              class: "link",
              "data-testid": "split",
              title: "Make this source an event of its own",
              onclick: () => void this.apply(error, () => this.actions.curate.split(d.id, s.reportId)),
            },
            "Split off",
          )
        : null,
      article,
    );
  }

  /** What was changed, from what, when: newest first, folded away. */
  private auditTrail(d: EventDetail): HTMLElement | null {
    if (d.audit.length === 0) return null;
    return h(
      "details",
      { class: "audit", "data-testid": "audit" },
      h("summary", {}, `History (${d.audit.length})`),
      h(
        "ol",
        {},
        ...[...d.audit].reverse().map((a) =>
          h(
            "li",
            { "data-testid": "audit-entry" },
            h("time", {}, a.at),
            " ",
            `${a.action}${a.field ? ` ${FIELD_LABEL[a.field] ?? a.field}` : ""}`,
            a.old !== null || a.new !== null ? `: ${showValue(a.old)} → ${showValue(a.new)}` : "",
          ),
        ),
      ),
    );
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
        (d) => card.replaceChildren(...this.actorCard(d, card)),
        (e: unknown) => {
          loaded = false;
          card.replaceChildren(h("p", { class: "error" }, `Cannot show this actor: ${messageOf(e)}`));
        },
      );
    });
    const held = [a.role, a.country].filter(Boolean).join(", ");
    return h("li", {}, name, held ? ` — ${held}` : "", card);
  }

  private actorCard(d: ActorDetail, card: HTMLElement): Node[] {
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
      d.kind === "learned" ? this.personForm(d, card) : null,
    ].filter((n): n is HTMLElement => n !== null);
  }

  /** For a person the gazetteer does not know: their country, office and
   * other spellings, kept in the analyst's own layer. The card is read
   * again once saved. */
  private personForm(d: ActorDetail, card: HTMLElement): HTMLElement {
    const country = h("input", { type: "text", value: d.country, "aria-label": "Country code", "data-testid": "person-country", placeholder: "PHL" });
    const office = h("input", { type: "text", "aria-label": "Office", "data-testid": "person-office", placeholder: "Minister of Defence" });
    const aliases = h("input", { type: "text", value: d.aliases.join(", "), "aria-label": "Other spellings", "data-testid": "person-aliases", placeholder: "other spellings, with commas" });
    const error = h("p", { class: "error", role: "alert", "data-testid": "person-error" });
    const save = async () => {
      error.textContent = "";
      const codes = parseCountries(country.value);
      if (!codes.ok || codes.value.length > 1) {
        error.textContent = codes.ok ? "one country code" : codes.error;
        return;
      }
      try {
        await this.actions.savePerson({ name: d.name, country: codes.value[0] ?? "", office: office.value.trim(), aliases: parseTags(aliases.value) });
        card.replaceChildren(...this.actorCard(await this.actions.actor(d.name), card));
      } catch (e) {
        error.textContent = messageOf(e);
      }
    };
    return h(
      "details",
      { class: "person-form", "data-testid": "person-form" },
      h("summary", {}, "Add to your gazetteer"),
      country,
      office,
      aliases,
      h("button", { type: "button", "data-testid": "person-save", onclick: () => void save() }, "Save for later imports"),
      error,
    );
  }
}
