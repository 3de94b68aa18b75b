// What one frame draws: the rows of a tall canvas that can be seen, and the
// marks there in batches of one style. Pure, so it is tested on its own.
import type { EventType } from "../api/types";
import { type Mark, POINT_RADIUS } from "./layout";

/**
 * The rows of a canvas (CSS pixels, from its top) to draw: those between
 * `viewTop` and `viewBottom`, where its scrolling containers and the window
 * let it be seen (viewport coordinates, as is `canvasTop`), with `margin`
 * rows more each side so that a short scroll shows drawn rows. Whole
 * pixels, within the canvas' `height`; empty when none can be seen.
 */
export function rowsInView(canvasTop: number, viewTop: number, viewBottom: number, height: number, margin: number): [number, number] {
  const from = Math.max(0, Math.floor(viewTop - canvasTop - margin));
  const to = Math.min(height, Math.ceil(viewBottom - canvasTop + margin));
  return to > from ? [from, to] : [0, 0];
}

/** Marks of one type, softness and status: filled (or dashed) together. */
export interface MarkBatch {
  type: EventType;
  vague: boolean;
  planned: boolean;
  marks: Mark[];
}

export interface MarkPlan {
  /** Marks in the time range shown, whether or not their rows are drawn. */
  inRange: number;
  batches: MarkBatch[];
  /** Marks to outline over the others: the selected event's, the hovered. */
  outlined: Mark[];
}

/** Whether a mark shows between `left` and `right` (x): a point's disc
 * may reach in from beyond them. */
export function markInRange(m: Mark, left: number, right: number): boolean {
  return m.x + m.width >= left - POINT_RADIUS && m.x <= right + POINT_RADIUS;
}

/** How far a mark's outline reaches above and below its centre. */
const REACH = 10;

/**
 * The marks to draw between `left` and `right` (x) and between the rows
 * `top` and `bottom`, grouped by style in the order first met. Marks never
 * overlap (each lane's rows keep them apart), so a batch drawn as one
 * path looks as the marks drawn one by one.
 */
export function planMarks(
  marks: readonly Mark[],
  left: number,
  right: number,
  top: number,
  bottom: number,
  selected: number | null,
  hover: Mark | undefined,
): MarkPlan {
  let inRange = 0;
  const byStyle = new Map<string, MarkBatch>();
  const outlined: Mark[] = [];
  for (const m of marks) {
    if (!markInRange(m, left, right)) continue;
    inRange++;
    if (m.y + REACH < top || m.y - REACH > bottom) continue;
    const planned = m.event.status === "planned";
    const key = `${m.event.type}\u0000${m.vague ? 1 : 0}${planned ? 1 : 0}`;
    let batch = byStyle.get(key);
    if (!batch) byStyle.set(key, (batch = { type: m.event.type, vague: m.vague, planned, marks: [] }));
    batch.marks.push(m);
    if (m.event.id === selected || m === hover) outlined.push(m);
  }
  return { inRange, batches: [...byStyle.values()], outlined };
}
