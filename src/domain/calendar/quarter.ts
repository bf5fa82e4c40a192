import type { Quarter, QuarterId } from './types';

const NOT_YET = 'not implemented';

/** `2027-Q1` → { year: 2027, quarter: 1 }; null for anything else. */
export function parseQuarter(_id: string): Quarter | null {
  throw new Error(NOT_YET);
}
export function formatQuarter(_quarter: Quarter): QuarterId {
  throw new Error(NOT_YET);
}
export function isQuarterId(_id: string): boolean {
  throw new Error(NOT_YET);
}
/** ISO date of the quarter's first day (`2027-01-01`). Throws RangeError for an invalid id. */
export function quarterStart(_id: QuarterId): string {
  throw new Error(NOT_YET);
}
/** ISO date of the quarter's last day (`2027-03-31`). Throws RangeError for an invalid id. */
export function quarterEnd(_id: QuarterId): string {
  throw new Error(NOT_YET);
}
/** The quarter an ISO date falls in. */
export function quarterOf(_date: string): QuarterId {
  throw new Error(NOT_YET);
}
export function nextQuarter(_id: QuarterId): QuarterId {
  throw new Error(NOT_YET);
}
export function previousQuarter(_id: QuarterId): QuarterId {
  throw new Error(NOT_YET);
}
