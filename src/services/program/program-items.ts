// Initiation artifacts kept one per stored value: strategies (OKRs), strategic initiatives, goals,
// milestones and risks. Owners edit them; every write names the version the editor read.
import type { ProgramOverview } from '../../contract';
import { recordAgreement } from '../../domain/agreement/agreement';
import { initiativesServing } from '../../domain/funnel/funnel';
import { newGoal, reviseGoal, type GoalTerms } from '../../domain/goals/goal';
import { ITEM_FIELDS, LIMITS } from '../../domain/initiation/schemas';
import {
  newMilestone,
  reviseMilestone,
  type MilestoneStatus,
  type MilestoneTerms,
} from '../../domain/milestones/milestone';
import type { ProgramRecord } from '../../domain/program/program';
import { reviseRisk } from '../../domain/risks/risk';
import {
  ItemNotFoundError,
  StaleVersionError,
  type ProgramItemKind,
  type ProgramItemTypes,
  type ProgramItems,
} from '../../ports/program-store';
import { authorize, rolesOf } from '../access';
import { keepHiddenWithin, type BrowseCheckDeps } from '../visibility';
import { ProgramRuleError } from '../errors';
import type { ProgramDeps } from './deps';
import { overviewOf } from './overview';

type Fields<K extends ProgramItemKind> = Omit<ProgramItemTypes[K], 'id' | 'agreement' | 'history' | 'source'>;

export type SaveRequest<K extends ProgramItemKind> = { programId: string; fields: Fields<K> } & (
  { id?: undefined; expectedVersion?: undefined } | { id: string; expectedVersion: number }
);

interface Change {
  at: string;
  by: string;
}

/** How each kind is created from its fields and revised by an edit. */
const BUILD: {
  [K in ProgramItemKind]: (
    id: string,
    fields: Fields<K>,
    current: ProgramItemTypes[K] | undefined,
    change: Change,
  ) => ProgramItemTypes[K];
} = {
  strategy: (id, fields) => ({ id, ...fields }),
  'strategic-initiative': (id, fields) => ({ id, ...fields }),
  goal: (id, fields, current, { at, by }) =>
    current ? reviseGoal(current, fields as GoalTerms, at, by) : newGoal(id, fields as GoalTerms),
  milestone: (id, fields, current, { at, by }) => {
    const { status, ...terms } = fields as MilestoneTerms & { status: MilestoneStatus };
    return current ? reviseMilestone(current, terms, status, at, by) : newMilestone(id, terms, status);
  },
  // What detection and problems recorded stays; a status change joins the risk's history.
  risk: (id, fields, current, change) => reviseRisk(id, fields, current, change),
};

function checkReferences<K extends ProgramItemKind>(kind: K, fields: Fields<K>, items: ProgramItems): void {
  if (kind !== 'strategic-initiative') return;
  const known = new Set(items.strategy.map((s) => s.id));
  const unknown = (fields as Fields<'strategic-initiative'>).strategyIds.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new ProgramRuleError(
      `No strategy with id ${unknown.join(', ')} in this program.`,
      'fields.strategyIds',
    );
}

/**
 * Creates or revises one item. An editor was shown the item without the issues they cannot browse (`browse`
 * asks Jira as them): what they could not see is put back into their edit, so their save cannot drop it.
 */
export async function saveItem<K extends ProgramItemKind>(
  deps: ProgramDeps,
  accountId: string | undefined,
  kind: K,
  request: SaveRequest<K>,
  browse?: BrowseCheckDeps,
): Promise<ProgramOverview> {
  const program = await authorize(deps.programs, request.programId, accountId, 'edit');
  const items = await deps.programs.items(program.id);
  checkReferences(kind, request.fields, items);
  const change = { at: deps.now(), by: accountId ?? '' };
  const list = items[kind] as ProgramItems[K];
  if (request.id === undefined) {
    if (list.length >= LIMITS.itemsPerKind)
      throw new ProgramRuleError(`A program keeps at most ${LIMITS.itemsPerKind} of these.`, 'fields');
    const item = BUILD[kind](deps.newId(), request.fields, undefined, change);
    const saved = await deps.programs.createItem(program.id, kind, item);
    return overviewAfter(program, items, kind, (l) => [...l, saved], accountId);
  }
  const { id, expectedVersion } = request;
  const current = list.find((i) => i.id === id);
  if (!current) throw new ItemNotFoundError(kind, id);
  if (current.version !== expectedVersion)
    throw new StaleVersionError(`This ${kind}`, expectedVersion, current.version);
  const { version: _v, ...currentItem } = current;
  const fields = browse
    ? await keepHiddenWithin(
        browse,
        `this ${kind.replace('-', ' ')}`,
        currentItem,
        request.fields,
        ITEM_FIELDS[kind],
      )
    : request.fields;
  const item = BUILD[kind](id, fields, currentItem as unknown as ProgramItemTypes[K], change);
  const saved = await deps.programs.updateItem(program.id, kind, item, expectedVersion);
  return overviewAfter(program, items, kind, (l) => l.map((i) => (i.id === id ? saved : i)), accountId);
}

export async function deleteItem(
  deps: ProgramDeps,
  accountId: string | undefined,
  kind: ProgramItemKind,
  request: { programId: string; id: string; expectedVersion: number },
): Promise<ProgramOverview> {
  const program = await authorize(deps.programs, request.programId, accountId, 'edit');
  const items = await deps.programs.items(program.id);
  if (kind === 'strategy') {
    const serving = initiativesServing(items['strategic-initiative'], request.id);
    if (serving.length > 0)
      throw new ProgramRuleError(
        `Strategic initiatives still serve this strategy: ${serving.map((i) => i.name).join(', ')}. Unlink them first.`,
        'id',
      );
  }
  await deps.programs.deleteItem(program.id, kind, request.id, request.expectedVersion);
  return overviewAfter(program, items, kind, (l) => l.filter((i) => i.id !== request.id), accountId);
}

/** Records who agreed to a goal or a milestone; they must be people involved in the program. */
export async function agreeItem(
  deps: ProgramDeps,
  accountId: string | undefined,
  kind: 'goal' | 'milestone',
  request: { programId: string; id: string; expectedVersion: number; agreedBy: string[]; note: string },
): Promise<ProgramOverview> {
  const program = await authorize(deps.programs, request.programId, accountId, 'edit');
  if (request.agreedBy.length === 0) throw new ProgramRuleError('Say who agreed.', 'agreedBy');
  const outsiders = request.agreedBy.filter((id) => rolesOf(program, id).length === 0);
  if (outsiders.length > 0)
    throw new ProgramRuleError(
      'Only people involved in the program (owners, sponsor, stakeholders, team leads) can agree.',
      'agreedBy',
    );
  const items = await deps.programs.items(program.id);
  const current = (items[kind] as ProgramItems['goal' | 'milestone']).find((i) => i.id === request.id);
  if (!current) throw new ItemNotFoundError(kind, request.id);
  if (current.version !== request.expectedVersion)
    throw new StaleVersionError(`This ${kind}`, request.expectedVersion, current.version);
  const { version: _v, ...item } = current;
  const agreed = recordAgreement(item, request.agreedBy, deps.now(), accountId ?? '', request.note);
  const saved = await deps.programs.updateItem(program.id, kind, agreed as never, request.expectedVersion);
  return overviewAfter(
    program,
    items,
    kind,
    (l) => l.map((i) => (i.id === request.id ? saved : i)),
    accountId,
  );
}

function overviewAfter(
  program: ProgramRecord,
  items: ProgramItems,
  kind: ProgramItemKind,
  change: (list: { id: string }[]) => { id: string }[],
  accountId: string | undefined,
): ProgramOverview {
  return overviewOf(program, { ...items, [kind]: change(items[kind]) } as ProgramItems, accountId);
}
