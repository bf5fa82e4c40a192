import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useState } from 'react';
import type { EpicDependencies, EpicPrograms, ResolverKey } from '../../../src/contract';
import { call, ResolverCallError } from './api';
import { DependencyList } from './DependencyList';
import { loadPanelIssue, type PanelIssue } from './host';
import { explainError, programRow } from './panel-model';
import { DependenciesSkeleton, PanelSkeleton, ProgramsSkeleton } from './PanelSkeleton';
import { useResource } from './use-resource';

type IssueReading =
  { state: 'reading' } | { state: 'outside' } | { state: 'failed' } | { state: 'on'; issue: PanelIssue };

function CallError({
  error,
  onRetry,
  testId,
}: {
  error: ResolverCallError;
  onRetry?: () => void;
  testId: string;
}) {
  const { title, advice } = explainError(error.errorType);
  return (
    <SectionMessage
      appearance={error.errorType === 'RATE_LIMITED' ? 'warning' : 'error'}
      title={title}
      testId={testId}
      actions={
        onRetry
          ? [
              <SectionMessageAction key="retry" onClick={onRetry}>
                Retry
              </SectionMessageAction>,
            ]
          : []
      }
    >
      <p>{error.message}</p>
      <p>{advice}</p>
    </SectionMessage>
  );
}

function asCallError(key: ResolverKey, error: unknown): ResolverCallError {
  return error instanceof ResolverCallError
    ? error
    : new ResolverCallError(key, [{ errorType: 'INTERNAL', message: 'The panel failed unexpectedly.' }], {
        cause: error,
      });
}

export function EpicPanel() {
  const [reading, setReading] = useState<IssueReading>({ state: 'reading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setReading({ state: 'reading' });
    loadPanelIssue().then(
      (issue) => current && setReading(issue ? { state: 'on', issue } : { state: 'outside' }),
      (error: unknown) => {
        console.warn('The epic panel could not read its issue from the Forge context.', error);
        if (current) setReading({ state: 'failed' });
      },
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  switch (reading.state) {
    case 'reading':
      return <PanelSkeleton />;
    case 'outside':
      return (
        <SectionMessage appearance="warning" title="No issue here" testId="no-issue">
          <p>This panel works on Jira epics only. Open an epic to see its programs and dependencies.</p>
        </SectionMessage>
      );
    case 'failed':
      return (
        <SectionMessage
          appearance="error"
          title="Jira did not say which issue this is"
          testId="issue-error"
          actions={[
            <SectionMessageAction key="retry" onClick={() => setAttempt((n) => n + 1)}>
              Retry
            </SectionMessageAction>,
          ]}
        >
          <p>The panel could not read the issue it is on. Retry; if it keeps failing, reload the issue.</p>
        </SectionMessage>
      );
    case 'on':
      return <PanelFor issue={reading.issue} />;
  }
}

function PanelFor({ issue }: { issue: PanelIssue }) {
  const loadPrograms = useCallback(() => call('epic/programs', { issueKey: issue.key }), [issue.key]);
  const programs = useResource<EpicPrograms>(loadPrograms);
  const loadDependencies = useCallback(() => call('epic/dependencies', { issueKey: issue.key }), [issue.key]);
  const dependencies = useResource<EpicDependencies>(loadDependencies);

  return (
    <div data-testid="epic-panel" style={{ display: 'grid', gap: token('space.200', '16px'), padding: 4 }}>
      <section aria-labelledby="programs-heading">
        <Heading size="xsmall" as="h2" id="programs-heading">
          Programs
        </Heading>
        {programs.resource.state === 'loading' && <ProgramsSkeleton />}
        {programs.resource.state === 'failed' && (
          <CallError error={programs.resource.error} onRetry={programs.retry} testId="programs-error" />
        )}
        {programs.resource.state === 'ready' && (
          <Memberships
            data={programs.resource.value}
            onChanged={() => {
              programs.retry();
              dependencies.retry();
            }}
          />
        )}
      </section>
      <section aria-labelledby="dependencies-heading">
        <Heading size="xsmall" as="h2" id="dependencies-heading">
          Dependencies
        </Heading>
        {dependencies.resource.state === 'loading' && <DependenciesSkeleton />}
        {dependencies.resource.state === 'failed' && (
          <CallError
            error={dependencies.resource.error}
            onRetry={dependencies.retry}
            testId="dependencies-error"
          />
        )}
        {dependencies.resource.state === 'ready' && <DependencyList data={dependencies.resource.value} />}
      </section>
    </div>
  );
}

function Memberships({ data, onChanged }: { data: EpicPrograms; onChanged: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<ResolverCallError | null>(null);

  const act = async (action: 'add' | 'remove', programId: string) => {
    const key = action === 'add' ? 'epic/membership/add' : 'epic/membership/remove';
    setBusy(programId);
    setFailure(null);
    try {
      await call(key, { issueKey: data.issue.key, programId });
      onChanged();
    } catch (error) {
      setFailure(asCallError(key, error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div style={{ display: 'grid', gap: token('space.100', '8px'), marginTop: token('space.100', '8px') }}>
      {!data.canEdit && (
        <SectionMessage appearance="information" testId="read-only">
          <p>
            Only people who can edit {data.issue.key} in Jira can add it to a program or remove it from one.
          </p>
        </SectionMessage>
      )}
      {failure && <CallError error={failure} testId="action-error" />}
      {data.warnings.map((warning) => (
        <SectionMessage key={warning} appearance="warning">
          <p>{warning}</p>
        </SectionMessage>
      ))}
      {data.programs.length === 0 && (
        <p data-testid="no-programs">
          There are no programs you can see. A TPM adds you to a program as an owner, team lead, sponsor or
          stakeholder.
        </p>
      )}
      <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 }}>
        {data.programs.map((entry) => {
          const row = programRow(entry);
          return (
            <li
              key={row.id}
              data-testid={`program-${row.id}`}
              data-membership={entry.via.join(' ') || 'none'}
              style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}
            >
              <strong>{row.name}</strong>
              {row.labels.map((label) => (
                <Lozenge key={label} appearance={entry.via.length > 0 ? 'success' : 'default'}>
                  {label}
                </Lozenge>
              ))}
              <span style={{ flex: 1 }} />
              {row.action !== 'none' && (
                <Button
                  appearance={row.action === 'add' ? 'primary' : 'default'}
                  isDisabled={!data.canEdit || busy !== null}
                  isLoading={busy === row.id}
                  testId={`${row.action}-${row.id}`}
                  onClick={() => void act(row.action === 'add' ? 'add' : 'remove', row.id)}
                >
                  {row.action === 'add' ? 'Add to program' : 'Remove from program'}
                </Button>
              )}
              {row.note && (
                <span style={{ width: '100%', color: token('color.text.subtle') }}>{row.note}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
