// PlanStore on @forge/kvs custom entities (declared in manifest.yml `app.storage.entities`).
// Layout: entity `quarter-plan` holds one value per program and quarter (key `<programId>:<quarter>`,
// e.g. `prog-atlas:2027-Q1`) with the whole plan; entity `plan-baseline` holds each frozen baseline
// (key `<programId>:<quarter>:<baselineId>`), written once and never updated. Updates are transactions
// conditioned on the plan's `version`, so concurrent editors get StaleVersionError.
import { Filter, FilterConditions, ForgeKvsAPIError, kvs } from '@forge/kvs';
import type { Baseline, QuarterPlan } from '../../domain/plan/types';
import { StaleVersionError } from '../../ports/program-store';
import { PlanExistsError, type PlanStore } from '../../ports/plan-store';
import { StoredBaselineRecord, StoredPlanRecord } from './plan-schemas';
import { StoredProgramUnreadableError } from './kvs-program-store';

export const PLAN_ENTITY = 'quarter-plan';
export const BASELINE_ENTITY = 'plan-baseline';
export const PLAN_SCHEMA_VERSION = 1;

interface StoredPlan {
  programId: string;
  quarter: string;
  version: number;
  schemaVersion: number;
  plan: unknown;
}
interface StoredBaseline {
  programId: string;
  quarter: string;
  baselineId: string;
  frozenAt: string;
  schemaVersion: number;
  baseline: unknown;
}

const planKey = (programId: string, quarter: string) => `${programId}:${quarter}`;
const baselineKey = (programId: string, quarter: string, id: string) => `${programId}:${quarter}:${id}`;

const versionIs = (version: number) =>
  new Filter<{ version: number }>().and('version', FilterConditions.equalTo(version));

const isKvsCode = (error: unknown, ...codes: string[]) =>
  error instanceof ForgeKvsAPIError && codes.includes(error.code);

function readPlan(key: string, value: StoredPlan | undefined): QuarterPlan {
  const parsed = StoredPlanRecord.safeParse(value?.plan);
  if (!value || value.schemaVersion !== PLAN_SCHEMA_VERSION || !parsed.success)
    throw new StoredProgramUnreadableError(`Stored plan ${key} is unreadable`);
  return { ...(parsed.data as QuarterPlan), version: value.version };
}

const toStored = (plan: QuarterPlan): StoredPlan => ({
  programId: plan.programId,
  quarter: plan.quarter,
  version: plan.version,
  schemaVersion: PLAN_SCHEMA_VERSION,
  plan,
});

export class KvsPlanStore implements PlanStore {
  private plans = kvs.entity<StoredPlan>(PLAN_ENTITY);
  private baselines = kvs.entity<StoredBaseline>(BASELINE_ENTITY);

  async get(programId: string, quarter: string): Promise<QuarterPlan | undefined> {
    const key = planKey(programId, quarter);
    const value = await this.plans.get(key);
    return value === undefined ? undefined : readPlan(key, value);
  }

  async list(programId: string): Promise<QuarterPlan[]> {
    const plans: QuarterPlan[] = [];
    let cursor: string | undefined;
    do {
      let query = this.plans
        .query()
        .index('by-program', { partition: [programId] })
        .limit(100);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      for (const { key, value } of page.results) plans.push(readPlan(key, value));
      cursor = page.nextCursor;
    } while (cursor);
    return plans.sort((a, b) => a.quarter.localeCompare(b.quarter));
  }

  async create(plan: QuarterPlan): Promise<QuarterPlan> {
    const record = { ...plan, version: 1 };
    try {
      await this.plans.set(planKey(plan.programId, plan.quarter), toStored(record), {
        keyPolicy: 'FAIL_IF_EXISTS',
      });
    } catch (cause) {
      if (isKvsCode(cause, 'KEY_CONFLICT')) throw new PlanExistsError(plan.programId, plan.quarter);
      throw cause;
    }
    return record;
  }

  async update(plan: QuarterPlan, expectedVersion: number): Promise<QuarterPlan> {
    const record = { ...plan, version: expectedVersion + 1 };
    try {
      await kvs
        .transact()
        .set(planKey(plan.programId, plan.quarter), toStored(record), {
          entityName: PLAN_ENTITY,
          conditions: versionIs(expectedVersion),
        })
        .execute();
    } catch (cause) {
      throw await this.conflictOf(cause, plan, expectedVersion);
    }
    return record;
  }

  async freeze(plan: QuarterPlan, expectedVersion: number, baseline: Baseline): Promise<QuarterPlan> {
    const record = { ...plan, version: expectedVersion + 1 };
    const stored: StoredBaseline = {
      programId: plan.programId,
      quarter: plan.quarter,
      baselineId: baseline.id,
      frozenAt: baseline.frozenAt,
      schemaVersion: PLAN_SCHEMA_VERSION,
      baseline,
    };
    try {
      await kvs
        .transact()
        .set(planKey(plan.programId, plan.quarter), toStored(record), {
          entityName: PLAN_ENTITY,
          conditions: versionIs(expectedVersion),
        })
        .set(baselineKey(plan.programId, plan.quarter, baseline.id), stored, { entityName: BASELINE_ENTITY })
        .execute();
    } catch (cause) {
      throw await this.conflictOf(cause, plan, expectedVersion);
    }
    return record;
  }

  async getBaseline(programId: string, quarter: string, baselineId: string): Promise<Baseline | undefined> {
    const key = baselineKey(programId, quarter, baselineId);
    const value = await this.baselines.get(key);
    if (value === undefined) return undefined;
    const parsed = StoredBaselineRecord.safeParse(value.baseline);
    if (!parsed.success) throw new StoredProgramUnreadableError(`Stored baseline ${key} is unreadable`);
    return parsed.data as Baseline;
  }

  private async conflictOf(cause: unknown, plan: QuarterPlan, expectedVersion: number): Promise<unknown> {
    if (!isKvsCode(cause, 'CONDITIONAL_CHECK_FAILED')) return cause;
    const current = await this.plans.get(planKey(plan.programId, plan.quarter));
    return new StaleVersionError(`The ${plan.quarter} plan`, expectedVersion, current?.version ?? null);
  }
}
