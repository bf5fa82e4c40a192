import { useCallback } from 'react';
import Lozenge from '@atlaskit/lozenge';
import type { ProgramOverview, StrategyLevel } from '../../../../src/contract';
import { call } from '../api';
import { LoadError } from '../components/LoadError';
import { TableSkeleton } from '../../../shared/Skeletons';
import { useResource } from '../use-resource';
import { ItemsSection } from './ItemsSection';
import { lines, Section, subtle } from './Section';
import type { OverviewState } from './use-overview';

const LEVELS: { value: StrategyLevel; label: string }[] = [
  { value: 'company', label: 'Company' },
  { value: 'division', label: 'Division' },
  { value: 'cluster', label: 'Cluster' },
];

/** Key results are written one per line: "description | metric | target". */
const parseKeyResults = (text: string, existing: { id: string }[]) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line, i) => {
      const [description = '', metric = '', target = ''] = line.split('|').map((s) => s.trim());
      return { id: existing[i]?.id ?? `kr${Date.now().toString(36)}${i}`, description, metric, target };
    });

export function FunnelSection({ overview, state }: { overview: ProgramOverview; state: OverviewState }) {
  const strategyName = (id: string) => overview.strategies.find((s) => s.id === id)?.name ?? id;
  return (
    <>
      <ItemsSection
        title="Strategies and OKRs"
        route="strategies"
        noun="strategy"
        overview={overview}
        state={state}
        items={overview.strategies}
        fields={[
          { name: 'level', label: 'Level', kind: 'select', options: LEVELS },
          { name: 'name', label: 'Strategy' },
          { name: 'objective', label: 'Objective' },
          {
            name: 'keyResults',
            label: 'Key results (one per line: description | metric | target)',
            kind: 'textarea',
          },
        ]}
        blank={{ level: 'company', name: '', objective: '', keyResults: '' }}
        valuesOf={(s) => ({
          level: s.level,
          name: s.name,
          objective: s.objective,
          keyResults: s.keyResults.map((k) => `${k.description} | ${k.metric} | ${k.target}`).join('\n'),
        })}
        fieldsOf={(v) => {
          const existing = overview.strategies.find((s) => s.name === v.name)?.keyResults ?? [];
          return {
            level: v.level,
            name: v.name,
            objective: v.objective,
            keyResults: parseKeyResults(v.keyResults ?? '', existing),
          };
        }}
        render={(s) => (
          <div data-testid="strategy">
            <Lozenge>{s.level}</Lozenge> <strong>{s.name}</strong>: {s.objective}
            <ul style={subtle}>
              {s.keyResults.map((k) => (
                <li key={k.id}>
                  {k.description}
                  {k.metric ? ` — ${k.metric}` : ''}
                  {k.target ? ` → ${k.target}` : ''}
                </li>
              ))}
            </ul>
          </div>
        )}
      />
      <ItemsSection
        title="Strategic initiatives"
        route="strategic-initiatives"
        noun="strategic initiative"
        overview={overview}
        state={state}
        items={overview.strategicInitiatives}
        fields={[
          { name: 'name', label: 'Strategic initiative' },
          { name: 'description', label: 'Description' },
          {
            name: 'strategyId',
            label: 'Serves strategy',
            kind: 'select',
            options: [
              { value: '', label: '—' },
              ...overview.strategies.map((s) => ({ value: s.id, label: s.name })),
            ],
          },
          { name: 'epicKeys', label: 'Epics (keys, comma separated)' },
        ]}
        blank={{ name: '', description: '', strategyId: overview.strategies[0]?.id ?? '', epicKeys: '' }}
        valuesOf={(i) => ({
          name: i.name,
          description: i.description,
          strategyId: i.strategyIds[0] ?? '',
          epicKeys: i.epicKeys.join(', '),
        })}
        fieldsOf={(v) => ({
          name: v.name,
          description: v.description ?? '',
          strategyIds: v.strategyId ? [v.strategyId] : [],
          epicKeys: lines(v.epicKeys ?? '').map((k) => k.toUpperCase()),
        })}
        render={(i) => (
          <div data-testid="strategic-initiative">
            <strong>{i.name}</strong>{' '}
            {i.strategyIds.length === 0 ? (
              <Lozenge appearance="removed">serves no strategy</Lozenge>
            ) : (
              <span style={subtle}>serves {i.strategyIds.map(strategyName).join(', ')}</span>
            )}
            <p style={subtle}>Epics: {i.epicKeys.join(', ') || '—'}</p>
          </div>
        )}
      />
      <Traceability
        programId={overview.program.id}
        version={overview.strategicInitiatives.map((i) => i.version).join()}
      />
    </>
  );
}

/** Each epic in scope up to the OKRs it serves; unlinked ones flagged. Reads Jira, so loaded on its own. */
function Traceability({ programId, version }: { programId: string; version: string }) {
  const load = useCallback(() => call('program/traceability', { programId }), [programId, version]);
  const { resource, retry } = useResource(load);
  return (
    <Section title="Traceability: epics to OKRs" testId="traceability-section">
      {resource.state === 'loading' && <TableSkeleton label="Tracing epics" columns={4} />}
      {resource.state === 'failed' && <LoadError error={resource.error} onRetry={retry} />}
      {resource.state === 'ready' && (
        <>
          <p style={subtle} data-testid="traceability-summary">
            {resource.value.epics.filter((e) => !e.unlinked).length} of {resource.value.epics.length} epics
            trace to an OKR; {resource.value.unlinkedInitiatives.length} strategic initiative(s) serve
            nothing.
          </p>
          {resource.value.warnings.map((w) => (
            <p key={w} style={subtle}>
              {w}
            </p>
          ))}
          <table style={{ borderCollapse: 'collapse' }}>
            <tbody>
              {resource.value.epics.map((e) => (
                <tr key={e.epicKey} data-testid={`trace-${e.epicKey}`}>
                  <td style={{ paddingRight: 8 }}>{e.epicKey}</td>
                  <td style={{ paddingRight: 8 }}>{e.summary}</td>
                  <td>
                    {e.unlinked ? (
                      <Lozenge appearance="removed">serves no OKR</Lozenge>
                    ) : (
                      e.okrs.map((o) => `${o.level}: ${o.objective}`).join(' · ')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Section>
  );
}
