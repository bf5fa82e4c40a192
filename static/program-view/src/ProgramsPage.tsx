import { useCallback, useState } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { call } from './api';
import { LoadError } from './components/LoadError';
import { Loading } from './components/Loading';
import { ProgramList } from './programs/ProgramList';
import { ProgramPage } from './programs/ProgramPage';
import { useResource } from './use-resource';

const stack = (gap: Parameters<typeof token>[0], fallback: string) =>
  ({ display: 'flex', flexDirection: 'column', gap: token(gap, fallback) }) as const;

/** The global page "Programs": the programs the viewer takes part in, and one program at a time. */
export function ProgramsPage({ siteUrl }: { siteUrl: string | undefined }) {
  const [openId, setOpenId] = useState<string | null>(null);
  const [listVersion, setListVersion] = useState(0);
  // listVersion changes when the user comes back from a program, so the list is read afresh.
  const load = useCallback(
    () => call('program/list', {}).then((r) => ({ ...r, listVersion })),
    [listVersion],
  );
  const { resource, retry } = useResource(load);

  return (
    <main style={{ ...stack('space.300', '24px'), padding: token('space.400', '32px'), maxWidth: '1440px' }}>
      {openId ? (
        <ProgramPage
          programId={openId}
          siteUrl={siteUrl}
          onBack={() => {
            setOpenId(null);
            setListVersion((n) => n + 1);
          }}
        />
      ) : (
        <>
          <header style={stack('space.050', '4px')}>
            <Heading size="large" as="h1">
              Programs
            </Heading>
            <p style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>
              Programs you take part in: their OKRs, goals, parties, plan and risks, and their initiatives
              across teams.
            </p>
          </header>
          {resource.state === 'loading' && <Loading label="Loading programs" />}
          {resource.state === 'failed' && <LoadError error={resource.error} onRetry={retry} />}
          {resource.state === 'ready' && (
            <ProgramList programs={resource.value.programs} onOpen={setOpenId} onCreated={setOpenId} />
          )}
        </>
      )}
    </main>
  );
}
