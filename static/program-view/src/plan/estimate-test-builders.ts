// Test builders shared by the estimates grid's and the stored drafts' unit tests (not part of the app).
import type { EstimateCell } from './plan-model';

/** One cell of the estimates grid: missing and editable unless `overrides` say otherwise. */
export function aCell(
  initiativeKey: string,
  teamId: string,
  overrides: Partial<EstimateCell> = {},
): EstimateCell {
  return {
    initiativeKey,
    teamId,
    state: 'missing',
    sprints: null,
    load: null,
    storyPoints: null,
    editable: true,
    ...overrides,
  };
}
