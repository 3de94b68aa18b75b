// The canvas timeline: draws the layout, zooms and pans, selects marks.
// Redraw requests merge into one animation frame; colours are read once
// per redraw; the canvas is scaled for the device pixel ratio; only its
// rows in view are drawn, and the lanes' sorted events are kept while
// panning and zooming.
import { scaleUtc } from "d3-scale";
import type { Bin, EventSummary } from "../api/types";
import {
  type Density,
  type DensityBar,
  type Grouping,
  type Layout,
  type Mark,
  POINT_RADIUS,
  placeDensity,
  prepareDensity,
  hitBar,
  hitTest,
  isoDay,
  type LaneEvents,
  placeLayout,
  prepareLayout,
  padded,
  zoom,
  span,
  fitLabel,
  hitLane,
  laneLabel,
} from "./layout";
import { planMarks, rowsInView } from "./frame";
import {
  AXIS,
  BOTTOM_PAD,
  DENSITY_ALPHA,
  FONT,
  GUTTER,
  LABEL_EDGE,
  MIN_COUNTED_BAR,
  OUTLINE_RADIUS,
  PLANNED_DASH,
  PLANNED_LINE,
  RIGHT_PAD,
  VAGUE_ALPHA,
  type Palette,
  type Scene,
  type TextFit,
  axisTicks,
  barColour,
  barShape,
  laneText,
  markColour,
  markDescription,
  outlineShape,
  plotClip,
  readPalette,
  tickLabelAt,
} from "./paint";

const DAY_MS = 86_400_000;
/** The largest side of an exported picture in device pixels: WebKit gives
 * no canvas beyond about 32,767 pixels a side, and draws nothing then. */
const MAX_EXPORT_SIDE = 16_384;
/** Rows drawn beyond those seen, above and below: a short scroll shows them
 * before the next frame redraws. */
const SCROLL_MARGIN = 200;

export interface TimelineOptions {
  onSelect: (e: EventSummary | null) => void;
  /** Called after each redraw with the number of events drawn (as marks,
   * or counted in bars). */
  onDraw?: (drawn: number) => void;
  /** Called when the visible range or the plot's width changes: the
   * events to draw there are asked for then. */
  onView?: (domain: [number, number], plotWidth: number) => void;
  /** Called when a click on a lane's label collapses or expands it, with
   * the keys of the lanes collapsed. */
  onCollapse?: (keys: string[]) => void;
  /** F: show the selected event's days (the selection may come from the table). */
  onFitSelection?: () => void;
}

export class Timeline {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly tooltip: HTMLDivElement;
  private events: EventSummary[] = [];
  /** Counts to draw instead of marks, when the range holds too many. */
  private bins: { bins: Bin[]; days: number } | null = null;
  private shownDensity: Density = { lanes: [], bars: [], height: 0 };
  private hoverBar: DensityBar | undefined;
  /** The first day and the end of the last of the events filtered. */
  private extentTimes: [number, number] = [NaN, NaN];
  private domain: [number, number] = padded(NaN, NaN);
  private lastWidth = 0;
  private grouping: Grouping = "type";
  /** The keys of the lanes collapsed. */
  private collapsed = new Set<string>();
  /** Lane labels cut to fit the gutter, by width and text. */
  private readonly fitted = new Map<string, string>();
  private selected: number | null = null;
  private hover: Mark | undefined;
  private current: Layout = { lanes: [], marks: [], height: 0 };
  private frame = 0;
  /** The layout's lanes for these events and grouping: kept while panning
   * and zooming, when only the scale changes. */
  private prepared: { events: EventSummary[]; grouping: Grouping; lanes: LaneEvents[] } | null = null;
  /** Likewise the density for these bins, grouping and collapsed lanes. */
  private preparedBins: { bins: Bin[]; key: string; density: Density } | null = null;
  /** The canvas rows (CSS pixels) drawn last, [0, 0] when none. */
  private drawnRows: [number, number] = [0, 0];
  private drag: { x: number; domain: [number, number]; moved: boolean } | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly options: TimelineOptions,
  ) {
    this.canvas = document.createElement("canvas");
    this.canvas.className = "timeline-canvas";
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute("role", "img");
    this.canvas.setAttribute("aria-label", "Timeline of events; arrow keys move between events, + and - zoom; click a lane's name, or press C on a selected event, to collapse or expand its lane; F fits the selected event");
    this.canvas.dataset.testid = "timeline";
    this.tooltip = document.createElement("div");
    this.tooltip.className = "tooltip";
    this.tooltip.hidden = true;
    host.append(this.canvas, this.tooltip);
    const ctx = this.canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas");
    this.ctx = ctx;
    new ResizeObserver(() => {
      this.redraw();
      if (this.host.clientWidth !== this.lastWidth) {
        this.lastWidth = this.host.clientWidth;
        this.viewChanged();
      }
    }).observe(host);
    window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => this.redraw());
    // Only the rows in view are drawn: scrolling a container of the canvas
    // past them draws the rows coming into view.
    document.addEventListener("scroll", (e) => this.onScroll(e), { capture: true, passive: true });
    this.canvas.addEventListener("wheel", (e) => this.onWheel(e), { passive: false });
    this.canvas.addEventListener("pointerdown", (e) => this.onPointerDown(e));
    this.canvas.addEventListener("pointermove", (e) => this.onPointerMove(e));
    this.canvas.addEventListener("pointerup", (e) => this.onPointerUp(e));
    this.canvas.addEventListener("pointerleave", () => this.setHover(undefined));
    this.canvas.addEventListener("keydown", (e) => this.onKey(e));
  }

  /** What to draw in the range shown: the events, or, when they are too
   * many, counts per bin of `days` days. */
  setData(events: EventSummary[], bins: { bins: Bin[]; days: number } | null): void {
    this.events = events;
    this.bins = bins;
    if (this.selected !== null && !events.some((e) => e.id === this.selected)) this.selected = null;
    this.redraw();
  }

  /** The span of the filtered events (first day, last day: YYYY-MM-DD),
   * for "fit all"; `fit` shows it now. */
  setExtent(first: string | undefined, last: string | undefined, fit: boolean): void {
    this.extentTimes = first && last ? [Date.parse(first), Date.parse(last) + DAY_MS] : [NaN, NaN];
    if (fit) this.fitAll();
  }

  /** Shows a range (a restored view). */
  showRange(d: [number, number]): void {
    this.setDomain(d);
  }

  /** The range shown. */
  view(): [number, number] {
    return this.domain;
  }

  /** The width of the plot in pixels. */
  plotWidth(): number {
    return Math.max(10, this.host.clientWidth - GUTTER - RIGHT_PAD);
  }

  private setDomain(d: [number, number]): void {
    this.domain = d;
    this.redraw();
    this.viewChanged();
  }

  private viewChanged(): void {
    this.options.onView?.(this.domain, this.plotWidth());
  }

  setGrouping(g: Grouping): void {
    this.grouping = g;
    this.redraw();
  }

  /** Collapses the lanes of these keys, and expands the others. */
  setCollapsed(keys: readonly string[]): void {
    this.collapsed = new Set(keys);
    this.redraw();
  }

  /** The lane last collapsed from the keyboard: "c" again expands it,
   * though its marks (and the selected one) are no longer drawn. */
  private keyLane: string | null = null;

  /** Collapses the lane of the selected event, or expands the lane the
   * keyboard collapsed last: the keyboard's way to what a click on a
   * lane's name does. */
  private toggleSelectedLane(): void {
    const m = this.current.marks.find((x) => x.event.id === this.selected);
    const lane = m && this.current.lanes.find((l) => !l.collapsed && m.y >= l.top && m.y < l.top + l.height);
    if (lane) {
      this.keyLane = lane.key;
      this.toggleLane(lane.key);
    } else if (this.keyLane !== null && this.collapsed.has(this.keyLane)) {
      this.toggleLane(this.keyLane);
      this.keyLane = null;
    }
  }

  private toggleLane(key: string): void {
    if (!this.collapsed.delete(key)) this.collapsed.add(key);
    this.redraw();
    this.options.onCollapse?.([...this.collapsed]);
  }

  /** The lane whose label is under a point. */
  private laneAt(px: number, py: number) {
    return hitLane(this.bins ? this.shownDensity.lanes : this.current.lanes, px, py, LABEL_EDGE);
  }

  /** `text` cut to `width` pixels in the canvas' font. */
  private fit(text: string, width: number): string {
    const key = `${width}\u0000${text}`;
    let fitted = this.fitted.get(key);
    if (fitted === undefined) {
      fitted = fitLabel(text, width, (t) => this.ctx.measureText(t).width);
      if (this.fitted.size > 1000) this.fitted.clear();
      this.fitted.set(key, fitted);
    }
    return fitted;
  }

  select(id: number | null): void {
    this.selected = id;
    this.redraw();
  }

  fitAll(): void {
    this.setDomain(padded(...this.extentTimes));
  }

  zoomBy(factor: number): void {
    const [a, b] = this.domain;
    this.setDomain(zoom(this.domain, (a + b) / 2, factor));
  }

  /** The marks laid out, lane by lane (for tests and the keyboard). */
  marks(): readonly Mark[] {
    return this.current.marks;
  }

  redraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Draws at once rather than at the next frame: the frame-time
   * benchmark (ui/bench) times each frame's drawing this way. */
  drawNow(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.draw();
  }

  private scale() {
    const width = this.host.clientWidth;
    return scaleUtc().domain(this.domain).range([GUTTER, Math.max(GUTTER + 10, width - RIGHT_PAD)]);
  }

  /** Everything the range shown holds, placed on the current scale: every
   * lane, the whole canvas high. */
  private scene(): Scene {
    const width = this.host.clientWidth;
    const x = this.scale();
    this.current = this.bins ? { lanes: [], marks: [], height: 0 } : placeLayout(this.preparedLanes(), (t) => x(t), AXIS, this.collapsed);
    this.shownDensity = this.bins
      ? placeDensity(this.preparedDensity(this.bins), (t) => x(t))
      : { lanes: [], bars: [], height: 0 };
    const lanes = this.bins ? this.shownDensity.lanes : this.current.lanes;
    const content = (this.bins ? this.shownDensity.height : this.current.height) + AXIS + BOTTOM_PAD;
    return { width, height: content, lanes, marks: this.current.marks, bars: this.shownDensity.bars, ticks: axisTicks(x, width) };
  }

  /** Lane names measured and cut in the canvas' font. */
  private readonly text: TextFit = {
    measure: (s) => {
      this.ctx.font = FONT;
      return this.ctx.measureText(s).width;
    },
    fit: (t, w) => this.fit(t, w),
  };

  private draw(): void {
    const scene = this.scene();
    const width = scene.width;
    const height = Math.max(this.host.clientHeight, scene.height);
    const dpr = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(width * dpr) || this.canvas.height !== Math.round(height * dpr)) {
      this.canvas.width = Math.round(width * dpr);
      this.canvas.height = Math.round(height * dpr);
      this.canvas.style.width = `${width}px`;
      this.canvas.style.height = `${height}px`;
      this.drawnRows = [0, 0]; // resizing cleared the canvas
    }
    const ctx = this.ctx;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    // Only the rows in view, and a margin, are drawn: lanes by country or
    // of many rows make a canvas far taller than its container, and
    // filling all of it took most of a frame. The rows drawn last are
    // cleared, so no stale picture is left outside those drawn now.
    const [top, bottom] = this.visibleRows(height);
    ctx.clearRect(0, this.drawnRows[0], width, this.drawnRows[1] - this.drawnRows[0]);
    ctx.clearRect(0, top, width, bottom - top);
    this.drawnRows = [top, bottom];
    const { drawn, counted } = this.paint(ctx, { ...scene, height }, readPalette(this.host), top, bottom, true);
    this.canvas.dataset.markCount = String(drawn);
    this.canvas.dataset.lanes = scene.lanes.map((l) => `${l.label}:${l.count}`).join("|");
    this.canvas.dataset.collapsed = scene.lanes.filter((l) => l.collapsed).map((l) => l.label).join("|");
    this.options.onDraw?.(drawn + counted);
  }

  /**
   * Paints a scene's rows `top` to `bottom` (CSS pixels) on `ctx`: lanes,
   * axis, density bars, marks, and with `live` the hovered bar and the
   * outlines of the selected and hovered marks. Returns the marks in the
   * time range shown and the events counted in its bars.
   */
  private paint(ctx: CanvasRenderingContext2D, scene: Scene, p: Palette, top: number, bottom: number, live: boolean): { drawn: number; counted: number } {
    const { width, height, lanes } = scene;
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, top, width, bottom - top);
    ctx.clip();
    ctx.font = FONT;
    ctx.textBaseline = "middle";
    // Lanes: a name and a count in the gutter, where a click collapses a
    // lane to one thin row of both, or expands it.
    lanes.forEach((lane, i) => {
      if (lane.top > bottom || lane.top + lane.height < top) return;
      if (i % 2 === 0) {
        ctx.fillStyle = p.lane;
        ctx.fillRect(0, lane.top, width, lane.height);
      }
      const t = laneText(lane, this.text);
      ctx.fillStyle = p.fg;
      ctx.textAlign = "left";
      ctx.fillText(t.name, t.nameX, t.nameY);
      ctx.fillStyle = p.muted;
      ctx.textAlign = t.countAlign;
      ctx.fillText(t.count, t.countX, t.countY);
      ctx.textAlign = "left";
    });
    // Axis and grid.
    ctx.strokeStyle = p.grid;
    ctx.lineWidth = 1;
    for (const t of scene.ticks) {
      ctx.beginPath();
      ctx.moveTo(t.x, AXIS - 6);
      ctx.lineTo(t.x, height);
      ctx.stroke();
      ctx.fillStyle = p.muted;
      ctx.fillText(t.label, ...tickLabelAt(t));
    }
    ctx.beginPath();
    ctx.moveTo(GUTTER, AXIS - 0.5);
    ctx.lineTo(width, AXIS - 0.5);
    ctx.stroke();
    // Marks, clipped to the plot area.
    ctx.save();
    ctx.beginPath();
    plotClip(width, height, (x, y, w, h) => ctx.rect(x, y, w, h));
    ctx.clip();
    // Counts where marks would be too many: bars with their numbers.
    let counted = 0;
    for (const b of scene.bars) {
      if (b.x + b.width < GUTTER || b.x > width) continue;
      counted += b.count;
      // The count is written above the bar.
      if (b.y - 14 > bottom || b.y + b.height < top) continue;
      ctx.fillStyle = barColour(p, b.lane);
      ctx.globalAlpha = live && b === this.hoverBar ? 1 : DENSITY_ALPHA;
      ctx.fillRect(b.x, b.y, b.width, b.height);
      ctx.globalAlpha = 1;
      if (b.width >= MIN_COUNTED_BAR) {
        ctx.fillStyle = p.fg;
        ctx.fillText(b.count.toLocaleString(), b.x + 2, b.y - 7);
      }
    }
    // Marks in batches of one style: far fewer state changes and paths.
    const plan = planMarks(scene.marks, GUTTER, width, top, bottom, live ? this.selected : null, live ? this.hover : undefined);
    const roundRect = (x: number, y: number, w: number, h: number, r: number) => ctx.roundRect(x, y, w, h, r);
    ctx.lineWidth = PLANNED_LINE;
    for (const batch of plan.batches) {
      const c = markColour(p, batch.type);
      ctx.globalAlpha = batch.vague ? VAGUE_ALPHA : 1;
      if (batch.planned) {
        // Dashed one by one, so that each outline's dashes start at its start.
        ctx.strokeStyle = c;
        ctx.setLineDash(PLANNED_DASH as number[]);
        for (const m of batch.marks) {
          ctx.beginPath();
          if (m.point) ctx.arc(m.x, m.y, POINT_RADIUS, 0, Math.PI * 2);
          else barShape(m, roundRect);
          ctx.stroke();
        }
        ctx.setLineDash([]);
      } else {
        ctx.fillStyle = c;
        ctx.beginPath();
        for (const m of batch.marks) {
          if (m.point) {
            // A new subpath: no line from the mark before.
            ctx.moveTo(m.x + POINT_RADIUS, m.y);
            ctx.arc(m.x, m.y, POINT_RADIUS, 0, Math.PI * 2);
          } else barShape(m, roundRect);
        }
        ctx.fill();
      }
    }
    ctx.globalAlpha = 1;
    ctx.strokeStyle = p.fg;
    for (const m of plan.outlined) {
      ctx.lineWidth = m.event.id === this.selected ? 2.5 : 1;
      ctx.beginPath();
      if (m.point) ctx.arc(m.x, m.y, OUTLINE_RADIUS, 0, Math.PI * 2);
      else outlineShape(m, roundRect);
      ctx.stroke();
    }
    ctx.restore();
    ctx.restore();
    return { drawn: plan.inRange, counted };
  }

  /** What an exported picture shows: the range shown, every lane, the
   * canvas' size at least, with the palette in effect. */
  exportScene(): { scene: Scene; palette: Palette; text: TextFit } {
    const scene = this.scene();
    return { scene: { ...scene, height: Math.max(this.host.clientHeight, scene.height) }, palette: readPalette(this.host), text: this.text };
  }

  /** The timeline as a PNG: every lane of the range shown, on the page's
   * background, at the screen's pixel ratio (less when that would make it
   * too large for a canvas). */
  exportPng(): Promise<Blob> {
    const { scene, palette } = this.exportScene();
    const scale = Math.min(window.devicePixelRatio || 1, MAX_EXPORT_SIDE / scene.height, MAX_EXPORT_SIDE / scene.width);
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(scene.width * scale));
    canvas.height = Math.max(1, Math.round(scene.height * scale));
    const ctx = canvas.getContext("2d");
    if (!ctx) return Promise.reject(new Error("no 2D canvas to draw the picture on"));
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.fillStyle = palette.bg;
    ctx.fillRect(0, 0, scene.width, scene.height);
    this.paint(ctx, scene, palette, 0, scene.height, false);
    return new Promise((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("the picture could not be encoded as PNG"))), "image/png"),
    );
  }

  /** The layout's lanes for the events and grouping shown. */
  private preparedLanes(): LaneEvents[] {
    const p = this.prepared;
    if (p && p.events === this.events && p.grouping === this.grouping) return p.lanes;
    const lanes = prepareLayout(this.events, this.grouping);
    this.prepared = { events: this.events, grouping: this.grouping, lanes };
    return lanes;
  }

  /** The density of the bins shown, for the grouping and lanes collapsed. */
  private preparedDensity(bins: { bins: Bin[]; days: number }): Density {
    const key = `${this.grouping}\u0001${bins.days}\u0001${[...this.collapsed].join("\u0000")}`;
    const p = this.preparedBins;
    if (p && p.bins === bins.bins && p.key === key) return p.density;
    const density = prepareDensity(bins.bins, bins.days, this.grouping, AXIS, this.collapsed);
    this.preparedBins = { bins: bins.bins, key, density };
    return density;
  }

  /** Where the canvas' containers that clip (and the window) let it be
   * seen, in viewport coordinates. */
  private viewBounds(): [number, number] {
    let top = 0;
    let bottom = window.innerHeight;
    for (let el = this.canvas.parentElement; el && el !== document.documentElement; el = el.parentElement) {
      if (getComputedStyle(el).overflowY === "visible") continue;
      const r = el.getBoundingClientRect();
      top = Math.max(top, r.top);
      bottom = Math.min(bottom, r.bottom);
    }
    return [top, bottom];
  }

  /** The canvas rows to draw: those in view, and a margin. */
  private visibleRows(height: number, margin = SCROLL_MARGIN): [number, number] {
    return rowsInView(this.canvas.getBoundingClientRect().top, ...this.viewBounds(), height, margin);
  }

  private onScroll(e: Event): void {
    if (!(e.target instanceof Node) || !e.target.contains(this.canvas)) return;
    // Redrawn once rows in view were not drawn: a short scroll stays
    // within the margin.
    const [top, bottom] = this.visibleRows(this.canvas.clientHeight, 0);
    if (top < bottom && (top < this.drawnRows[0] || bottom > this.drawnRows[1])) this.redraw();
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const x = this.scale();
    if (Math.abs(e.deltaX) > Math.abs(e.deltaY) || e.shiftKey) {
      const shift = (e.deltaX || e.deltaY) * ((this.domain[1] - this.domain[0]) / this.canvas.clientWidth);
      this.setDomain([this.domain[0] + shift, this.domain[1] + shift]);
    } else {
      const at = x.invert(e.offsetX).getTime();
      this.setDomain(zoom(this.domain, at, Math.exp(e.deltaY * 0.0015)));
    }
  }

  private onPointerDown(e: PointerEvent): void {
    this.canvas.setPointerCapture(e.pointerId);
    this.drag = { x: e.clientX, domain: this.domain, moved: false };
  }

  private onPointerMove(e: PointerEvent): void {
    if (this.drag) {
      const dx = e.clientX - this.drag.x;
      if (Math.abs(dx) > 3) this.drag.moved = true;
      if (this.drag.moved) {
        const perPx = (this.drag.domain[1] - this.drag.domain[0]) / (this.canvas.clientWidth - GUTTER);
        this.setDomain([this.drag.domain[0] - dx * perPx, this.drag.domain[1] - dx * perPx]);
      }
      return;
    }
    if (e.offsetX < LABEL_EDGE) {
      // Over the lanes' names: no mark or bar there.
      this.setHover(undefined);
      this.setHoverBar(undefined);
      this.canvas.style.cursor = this.laneAt(e.offsetX, e.offsetY) ? "pointer" : "grab";
      return;
    }
    if (this.bins) {
      this.setHoverBar(hitBar(this.shownDensity.bars, e.offsetX, e.offsetY), e.offsetX, e.offsetY);
      return;
    }
    this.setHover(hitTest(this.current.marks, e.offsetX, e.offsetY), e.offsetX, e.offsetY);
  }

  private setHoverBar(b: DensityBar | undefined, px = 0, py = 0): void {
    if (b === this.hoverBar) return;
    this.hoverBar = b;
    this.canvas.style.cursor = b ? "zoom-in" : "grab";
    if (b) {
      const what = this.grouping === "none" ? "" : `${laneLabel(b.lane, this.grouping)}: `;
      this.tooltip.textContent = `${what}${b.count} event${b.count === 1 ? "" : "s"}\n${isoDay(b.t0)} – ${isoDay(b.t1 - DAY_MS)}\nClick to zoom in`;
      this.tooltip.style.left = `${Math.min(px + 14, this.host.clientWidth - 260)}px`;
      this.tooltip.style.top = `${py + 14}px`;
    }
    this.tooltip.hidden = !b;
    this.redraw();
  }

  private onPointerUp(e: PointerEvent): void {
    const drag = this.drag;
    this.drag = null;
    const lane = drag && !drag.moved ? this.laneAt(e.offsetX, e.offsetY) : undefined;
    if (lane) {
      this.toggleLane(lane.key);
      return;
    }
    if (drag && !drag.moved && this.bins) {
      // A bin opens onto its days.
      const bar = hitBar(this.shownDensity.bars, e.offsetX, e.offsetY);
      if (bar) {
        this.setHoverBar(undefined);
        this.setDomain(padded(bar.t0, bar.t1));
      }
      return;
    }
    if (drag && !drag.moved) {
      const hit = hitTest(this.current.marks, e.offsetX, e.offsetY);
      this.selected = hit ? hit.event.id : null;
      this.options.onSelect(hit ? hit.event : null);
      this.redraw();
    }
  }

  private setHover(m: Mark | undefined, px = 0, py = 0): void {
    if (m === this.hover) return;
    this.hover = m;
    this.canvas.style.cursor = m ? "pointer" : "grab";
    if (m) {
      this.tooltip.textContent = markDescription(m.event).join("\n");
      this.tooltip.style.left = `${Math.min(px + 14, this.host.clientWidth - 260)}px`;
      this.tooltip.style.top = `${py + 14}px`;
    }
    this.tooltip.hidden = !m;
    this.redraw();
  }

  private onKey(e: KeyboardEvent): void {
    const span_ = this.domain[1] - this.domain[0];
    switch (e.key) {
      case "+":
      case "=":
        this.zoomBy(0.7);
        break;
      case "-":
      case "_":
        this.zoomBy(1 / 0.7);
        break;
      case "0":
      case "Home":
        this.fitAll();
        break;
      case "ArrowLeft":
      case "ArrowRight": {
        if (e.shiftKey) {
          const d = (e.key === "ArrowLeft" ? -0.15 : 0.15) * span_;
          this.setDomain([this.domain[0] + d, this.domain[1] + d]);
          break;
        }
        this.step(e.key === "ArrowLeft" ? -1 : 1);
        break;
      }
      case "Escape":
        this.selected = null;
        this.options.onSelect(null);
        this.redraw();
        break;
      case "c":
        this.toggleSelectedLane();
        break;
      case "f":
        this.options.onFitSelection?.();
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  /** Selects the previous or next event in time, bringing it into view. */
  private step(dir: -1 | 1): void {
    if (this.events.length === 0) return;
    const ordered = [...this.events].sort((a, b) => a.start.localeCompare(b.start) || a.id - b.id);
    const i = ordered.findIndex((e) => e.id === this.selected);
    const next = ordered[i < 0 ? (dir > 0 ? 0 : ordered.length - 1) : Math.min(Math.max(i + dir, 0), ordered.length - 1)];
    this.selected = next.id;
    const [t0, t1] = span(next);
    if (t1 < this.domain[0] || t0 > this.domain[1]) {
      const w = this.domain[1] - this.domain[0];
      this.setDomain([t0 - w / 2, t0 + w / 2]);
    }
    this.options.onSelect(next);
    this.redraw();
  }
}
