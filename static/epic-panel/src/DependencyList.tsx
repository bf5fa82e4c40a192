import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { EpicDependencies, EpicDependency, StatusCategory } from '../../../src/contract';
import { openIssue } from './host';
import { sortDependencies } from './panel-model';

const STATUS_APPEARANCE: Record<StatusCategory, 'default' | 'inprogress' | 'success'> = {
  new: 'default',
  indeterminate: 'inprogress',
  done: 'success',
};

function Row({ dependency }: { dependency: EpicDependency }) {
  return (
    <tr data-testid={`dependency-${dependency.key}`}>
      <td>{dependency.direction === 'upstream' ? 'Waits for' : 'Needed by'}</td>
      <td>
        <a
          href={`#${dependency.key}`}
          onClick={(event) => {
            event.preventDefault();
            openIssue(dependency.key);
          }}
        >
          {dependency.key}
        </a>
        {dependency.external ? ' (outside the program)' : ''}
      </td>
      <td>{dependency.summary ?? '—'}</td>
      <td>{dependency.team ?? '—'}</td>
      <td>
        {dependency.status ? (
          <Lozenge appearance={STATUS_APPEARANCE[dependency.status.category]}>
            {dependency.status.name}
          </Lozenge>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

export function DependencyList({ data }: { data: EpicDependencies }) {
  if (data.programs.length === 0)
    return <p data-testid="no-dependencies">Add the epic to a program to see its dependencies there.</p>;
  return (
    <div style={{ display: 'grid', gap: token('space.150', '12px') }}>
      {data.warnings.map((warning) => (
        <p key={warning} style={{ color: token('color.text.warning') }}>
          {warning}
        </p>
      ))}
      {data.programs.map((entry) => {
        const all = sortDependencies([...entry.upstream, ...entry.downstream]);
        return (
          <div key={entry.program.id} data-testid={`dependencies-${entry.program.id}`}>
            <p style={{ margin: 0, fontWeight: 600 }}>In {entry.program.name}</p>
            {all.length === 0 ? (
              <p data-testid={`no-dependencies-${entry.program.id}`}>
                No dependencies in this program. Link the epic in Jira (“blocks” / “is blocked by”) where one
                team waits for another; the links show here.
              </p>
            ) : (
              <table style={{ width: '100%', borderCollapse: 'collapse' }}>
                <thead>
                  <tr>
                    <th scope="col">Direction</th>
                    <th scope="col">Issue</th>
                    <th scope="col">Summary</th>
                    <th scope="col">Team</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {all.map((dependency) => (
                    <Row key={`${dependency.direction}-${dependency.key}`} dependency={dependency} />
                  ))}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
    </div>
  );
}
