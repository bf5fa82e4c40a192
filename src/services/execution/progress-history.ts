// The daily progress history behind the burn-up: how long it is kept.
import { addDays, format, parseISO } from 'date-fns';
import { HISTORY_MAX_DAYS } from '../../domain/execution/burnup';

export type { ProgressHistoryStore } from '../../ports/program-store';

/** The oldest date kept when `today` is recorded: `HISTORY_MAX_DAYS` days including today. */
export const historyCutoff = (today: string): string =>
  format(addDays(parseISO(today), -(HISTORY_MAX_DAYS - 1)), 'yyyy-MM-dd');
