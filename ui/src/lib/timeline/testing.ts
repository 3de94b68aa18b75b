// Events for the timeline's unit tests: a day-dated meeting unless told.
import type { EventSummary } from "../api/types";

export function testEvent(id: number, start: string, end = start, more: Partial<EventSummary> = {}): EventSummary {
  return {
    id,
    type: "meeting",
    date: start,
    start,
    end,
    precision: start === end ? "day" : "range",
    dateInferred: false,
    status: "occurred",
    countries: [],
    actors: [],
    location: "",
    title: "",
    confidence: 0.9,
    ...more,
  };
}
