import { token } from '@atlaskit/tokens';
import type { ProgramSummary } from '../../../../src/contract';

/** The Plan tab: the quarter plan of a program (timeline, estimates, alignment, communication, baseline). */
export function PlanTab({ program }: { program: ProgramSummary; siteUrl: string | undefined }) {
  return (
    <section
      data-testid="plan-tab"
      aria-label={`Quarter plan of ${program.name}`}
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.300', '24px') }}
    >
      <p style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>
        Quarter planning is on its way.
      </p>
    </section>
  );
}
