import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { HiddenIssuesNote } from '../components/HiddenIssuesNote';
import type { MilestoneStatus, ProgramOverview, RiskStatus } from '../../../../src/contract';
import { DescriptionSection } from './DescriptionSection';
import { FunnelSection } from './FunnelSection';
import { ItemsSection } from './ItemsSection';
import { PartiesSection } from './PartiesSection';
import { RiskHeatMap } from './RiskHeatMap';
import { lines, subtle } from './Section';
import { StageSection } from './StageSection';
import { nameOf, type OverviewState } from './use-overview';

const MILESTONE_STATUSES: MilestoneStatus[] = ['planned', 'on-track', 'at-risk', 'done', 'missed'];
const RISK_STATUSES: RiskStatus[] = ['open', 'mitigating', 'accepted', 'closed', 'happened'];
const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
const scores = options(['1', '2', '3', '4', '5']);

/** The program's Initiation artifacts, editable in place by those allowed to. */
export function OverviewTab({ overview, state }: { overview: ProgramOverview; state: OverviewState }) {
  return (
    <div
      data-testid="overview-tab"
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.200', '16px') }}
    >
      <HiddenIssuesNote count={overview.hiddenKeys} editable={overview.canEdit} />
      {!overview.canEdit && (
        <p style={subtle} data-testid="read-only-note">
          You are {overview.roles.join(', ')} on this program: you can read it; its owners edit it.
        </p>
      )}
      {state.writeError && (
        <SectionMessage
          appearance={state.writeError.errorType === 'CONFLICT' ? 'warning' : 'error'}
          title={state.writeError.errorType === 'CONFLICT' ? 'Someone else changed this first' : 'Not saved'}
          testId="write-error"
        >
          <p>{state.writeError.message}</p>
        </SectionMessage>
      )}
      <StageSection overview={overview} mutate={state.mutate} />
      <DescriptionSection overview={overview} mutate={state.mutate} />
      <FunnelSection overview={overview} state={state} />
      <ItemsSection
        title="Goals"
        route="goals"
        noun="goal"
        agreeable
        overview={overview}
        state={state}
        items={overview.goals}
        fields={[
          { name: 'statement', label: 'Goal' },
          { name: 'metric', label: 'Metric' },
          { name: 'baseline', label: 'Baseline' },
          { name: 'target', label: 'Target' },
          { name: 'dueDate', label: 'Due', kind: 'date' },
        ]}
        blank={{ statement: '', metric: '', baseline: '', target: '', dueDate: '' }}
        valuesOf={(g) => ({
          statement: g.statement,
          metric: g.metric,
          baseline: g.baseline,
          target: g.target,
          dueDate: g.dueDate,
        })}
        fieldsOf={(v) => v}
        render={(g) => (
          <div data-testid="goal">
            <strong>{g.statement}</strong>
            <p style={subtle}>
              {g.metric}: {g.baseline} → {g.target} by {g.dueDate}
              {g.history.length > 0 ? ` (revised ${g.history.length}×)` : ''}
            </p>
          </div>
        )}
      />
      <PartiesSection overview={overview} state={state} />
      <ItemsSection
        title="High-level plan: milestones"
        route="milestones"
        noun="milestone"
        agreeable
        overview={overview}
        state={state}
        items={overview.milestones}
        fields={[
          { name: 'name', label: 'Milestone' },
          { name: 'targetDate', label: 'Target date', kind: 'date' },
          { name: 'initiativeKeys', label: 'Initiatives (epic keys, comma separated)' },
          { name: 'status', label: 'Status', kind: 'select', options: options(MILESTONE_STATUSES) },
        ]}
        blank={{ name: '', targetDate: '', initiativeKeys: '', status: 'planned' }}
        valuesOf={(m) => ({
          name: m.name,
          targetDate: m.targetDate,
          initiativeKeys: m.initiativeKeys.join(', '),
          status: m.status,
        })}
        fieldsOf={(v) => ({
          name: v.name,
          targetDate: v.targetDate,
          initiativeKeys: lines(v.initiativeKeys ?? '').map((k) => k.toUpperCase()),
          status: v.status,
        })}
        render={(m) => (
          <div
            data-testid="milestone"
            style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'baseline' }}
          >
            <code>{m.targetDate}</code>
            <strong>{m.name}</strong>
            <Lozenge
              appearance={
                m.status === 'done'
                  ? 'success'
                  : m.status === 'at-risk' || m.status === 'missed'
                    ? 'removed'
                    : 'default'
              }
            >
              {m.status}
            </Lozenge>
            <span style={subtle}>{m.initiativeKeys.join(', ')}</span>
          </div>
        )}
      />
      <div
        style={{
          display: 'flex',
          gap: token('space.300', '24px'),
          alignItems: 'flex-start',
          flexWrap: 'wrap',
        }}
      >
        <div style={{ flex: '1 1 480px' }}>
          <ItemsSection
            title="Risk register"
            route="risks"
            noun="risk"
            overview={overview}
            state={state}
            items={overview.risks}
            fields={[
              { name: 'title', label: 'Risk' },
              { name: 'probability', label: 'Probability (1–5)', kind: 'select', options: scores },
              { name: 'impact', label: 'Impact (1–5)', kind: 'select', options: scores },
              {
                name: 'ownerAccountId',
                label: 'Owner',
                kind: 'select',
                options: [
                  { value: '', label: '—' },
                  ...overview.program.people.map((p) => ({ value: p.accountId, label: p.displayName })),
                ],
              },
              { name: 'mitigation', label: 'Mitigation', kind: 'textarea' },
              { name: 'status', label: 'Status', kind: 'select', options: options(RISK_STATUSES) },
            ]}
            blank={{
              title: '',
              probability: '3',
              impact: '3',
              ownerAccountId: '',
              mitigation: '',
              status: 'open',
            }}
            valuesOf={(r) => ({
              title: r.title,
              probability: String(r.probability),
              impact: String(r.impact),
              ownerAccountId: r.ownerAccountId ?? '',
              mitigation: r.mitigation,
              status: r.status,
            })}
            fieldsOf={(v) => ({
              title: v.title,
              probability: Number(v.probability),
              impact: Number(v.impact),
              ownerAccountId: v.ownerAccountId || null,
              mitigation: v.mitigation ?? '',
              status: v.status,
            })}
            render={(r) => (
              <div data-testid="risk">
                <strong>{r.title}</strong>{' '}
                <Lozenge
                  appearance={
                    r.probability * r.impact >= 15
                      ? 'removed'
                      : r.probability * r.impact >= 10
                        ? 'moved'
                        : 'default'
                  }
                >
                  P{r.probability} × I{r.impact} = {r.probability * r.impact}
                </Lozenge>{' '}
                <Lozenge>{r.status}</Lozenge>
                <p style={subtle}>
                  Owner {nameOf(overview, r.ownerAccountId)}. {r.mitigation}
                </p>
              </div>
            )}
          />
        </div>
        <RiskHeatMap overview={overview} />
      </div>
    </div>
  );
}
