import { token } from '@atlaskit/tokens';
import { Bone, Busy, TableShape, TEXT_HEIGHT } from '../../shared/Skeletons';

const row = { display: 'flex', alignItems: 'center', gap: token('space.100', '8px') } as const;

/** The program rows about to appear: a name, a membership lozenge and the add or remove button each. */
function ProgramRowsShape() {
  return (
    <div style={{ display: 'grid', gap: token('space.100', '8px'), marginTop: token('space.100', '8px') }}>
      {['264px', '200px'].map((width) => (
        <div key={width} style={row}>
          <Bone width={width} height="20px" shimmer />
          <Bone width="104px" height={TEXT_HEIGHT} />
          <span style={{ flex: 1 }} />
          <Bone width="148px" height="32px" radius={token('radius.medium')} />
        </div>
      ))}
    </div>
  );
}

/** The dependency table about to appear under its program's name. */
function DependenciesShape() {
  return (
    <div style={{ display: 'grid', gap: token('space.150', '12px'), marginTop: token('space.100', '8px') }}>
      <Bone width="32%" height={TEXT_HEIGHT} />
      <TableShape columns={5} rows={3} />
    </div>
  );
}

export function ProgramsSkeleton() {
  return (
    <Busy label="Loading programs" testId="epic-programs">
      <ProgramRowsShape />
    </Busy>
  );
}

export function DependenciesSkeleton() {
  return (
    <Busy label="Loading dependencies" testId="epic-dependencies">
      <DependenciesShape />
    </Busy>
  );
}

/** The whole panel before Jira has said which issue it is on: both sections, headings and all. */
export function PanelSkeleton() {
  return (
    <Busy label="Reading the issue" testId="epic-panel">
      <div style={{ display: 'grid', gap: token('space.200', '16px'), padding: token('space.050', '4px') }}>
        <div>
          <Bone width="80px" height={TEXT_HEIGHT} />
          <ProgramRowsShape />
        </div>
        <div>
          <Bone width="112px" height={TEXT_HEIGHT} />
          <DependenciesShape />
        </div>
      </div>
    </Busy>
  );
}
