// Publishing tab: where the program's pages go (owners set it), Publish now, and the publish history.
import { router } from '@forge/bridge';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useCallback, useState } from 'react';
import type {
  PageOutcome,
  ProgramSummary,
  PublishOverview,
  PublishRun,
  SavePublishTarget,
} from '../../../../src/contract';
import { call, ResolverCallError } from '../api';
import { LoadError } from '../components/LoadError';
import { TableSkeleton } from '../../../shared/Skeletons';
import { useResource } from '../use-resource';

type Cadence = SavePublishTarget['reportCadence'];
const CADENCES: { label: string; value: Cadence }[] = [
  { label: 'Weekly', value: 'weekly' },
  { label: 'Every two weeks', value: 'biweekly' },
  { label: 'Monthly', value: 'monthly' },
];
const OUTCOME: Record<PageOutcome, 'success' | 'inprogress' | 'default'> = {
  created: 'success',
  updated: 'inprogress',
  unchanged: 'default',
};

const openPage = (url: string) => {
  router.open(url).catch((error: unknown) => console.warn('Could not open the page.', error));
};

/** Who or what published a run. */
function triggerText(run: PublishRun): string {
  if (run.trigger === 'scheduled') return 'Scheduled';
  if (run.trigger === 'closing') return 'When the program closed';
  return `Publish now by ${run.by ?? 'someone'}`;
}

function History({ runs }: { runs: PublishRun[] }) {
  if (runs.length === 0) return <p data-testid="publish-history-empty">Nothing published yet.</p>;
  return (
    <table data-testid="publish-history">
      <thead>
        <tr>
          <th>When</th>
          <th>How</th>
          <th>Pages</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id}>
            <td>{run.at.replace('T', ' ').slice(0, 16)} UTC</td>
            <td>{triggerText(run)}</td>
            <td>
              <ul style={{ margin: 0 }}>
                {run.pages.map((page) => (
                  <li key={page.pageId}>
                    <a
                      href={page.url}
                      onClick={(event) => {
                        event.preventDefault();
                        openPage(page.url);
                      }}
                    >
                      {page.title}
                    </a>{' '}
                    <Lozenge appearance={OUTCOME[page.outcome]}>{page.outcome}</Lozenge>
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TargetForm({
  program,
  overview,
  onSaved,
}: {
  program: ProgramSummary;
  overview: PublishOverview;
  onSaved: () => void;
}) {
  const [spaceId, setSpaceId] = useState(overview.target?.spaceId ?? '');
  const [parentPageId, setParentPageId] = useState(overview.target?.parentPageId ?? '');
  const [cadence, setCadence] = useState<Cadence>(overview.target?.reportCadence ?? 'weekly');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const loadSpaces = useCallback(() => call('publish/spaces', { programId: program.id }), [program.id]);
  const { resource: spaces } = useResource(loadSpaces);
  const spaceOptions =
    spaces.state === 'ready'
      ? spaces.value.spaces.map((space) => ({ label: `${space.name} (${space.key})`, value: space }))
      : [];
  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await call('publish/target/save', {
        programId: program.id,
        spaceId,
        parentPageId,
        reportCadence: cadence,
      });
      onSaved();
    } catch (e) {
      setError(e instanceof ResolverCallError ? e.message : 'Saving failed.');
    } finally {
      setSaving(false);
    }
  };
  return (
    <div style={{ display: 'grid', gap: token('space.100', '8px'), maxWidth: 480 }}>
      <label>
        Confluence space
        <Select<(typeof spaceOptions)[number]>
          inputId="publish-space"
          isLoading={spaces.state === 'loading'}
          options={spaceOptions}
          value={spaceOptions.find((o) => o.value.id === spaceId) ?? null}
          onChange={(option) => {
            if (!option) return;
            setSpaceId(option.value.id);
            // The space's home page is the natural parent; an owner may name another page of the space.
            if (option.value.homepageId) setParentPageId(option.value.homepageId);
          }}
        />
      </label>
      <label>
        Parent page id (the space’s home page unless you name another)
        <Textfield
          value={parentPageId}
          onChange={(e) => setParentPageId(e.currentTarget.value)}
          testId="publish-parent-page-id"
        />
      </label>
      <label>
        Status report cadence
        <Select<{ label: string; value: Cadence }>
          inputId="publish-cadence"
          options={CADENCES}
          value={CADENCES.find((c) => c.value === cadence) ?? null}
          onChange={(option) => option && setCadence(option.value)}
        />
      </label>
      {error && (
        <SectionMessage appearance="error" testId="publish-target-error">
          <p>{error}</p>
        </SectionMessage>
      )}
      <div>
        <Button onClick={() => void save()} isDisabled={saving} testId="publish-target-save">
          Save where to publish
        </Button>
      </div>
    </div>
  );
}

export function PublishTab({ program }: { program: ProgramSummary }) {
  const load = useCallback(() => call('publish/get', { programId: program.id }), [program.id]);
  const { resource, retry } = useResource(load);
  const [publishing, setPublishing] = useState(false);
  const [publishError, setPublishError] = useState<string | undefined>();
  if (resource.state === 'loading') return <TableSkeleton label="Loading publishing" columns={4} />;
  if (resource.state === 'failed') return <LoadError error={resource.error} onRetry={retry} />;
  const overview = resource.value;
  const publishNow = async () => {
    setPublishing(true);
    setPublishError(undefined);
    try {
      await call('publish/now', { programId: program.id });
      retry();
    } catch (e) {
      setPublishError(e instanceof ResolverCallError ? e.message : 'Publishing failed.');
    } finally {
      setPublishing(false);
    }
  };
  return (
    <div data-testid="publish-tab" style={{ display: 'grid', gap: token('space.200', '16px') }}>
      <Heading size="medium" as="h3">
        Confluence pages
      </Heading>
      <p>
        The charter, the status report of each period and the risk &amp; problem report are published as
        pages. The app replaces only its own section on each page; what people write around it stays.
      </p>
      {overview.canPublish ? (
        <TargetForm program={program} overview={overview} onSaved={retry} />
      ) : (
        <p data-testid="publish-read-only">
          Only the program’s owners can choose where to publish and publish.
        </p>
      )}
      {overview.canPublish && (
        <div>
          <Button
            appearance="primary"
            onClick={() => void publishNow()}
            isDisabled={publishing || overview.target === null}
            testId="publish-now"
          >
            {publishing ? 'Publishing…' : 'Publish now'}
          </Button>
        </div>
      )}
      {publishError && (
        <SectionMessage appearance="error" testId="publish-error">
          <p>{publishError}</p>
        </SectionMessage>
      )}
      <Heading size="small" as="h4">
        Publish history
      </Heading>
      <History runs={overview.history} />
    </div>
  );
}
