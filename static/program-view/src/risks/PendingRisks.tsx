// Conditions detection finds now that the register does not hold yet: the next sync (daily, or Detect now)
// opens them, or reopens the ones that had cleared.
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { PendingRisk } from '../../../../src/contract';
import { pagedLabel } from '../tables/paging-model';
import { TablePagination, useTablePage } from '../tables/TablePagination';
import { IssueText } from './IssueText';
import { ruleLabel, SEVERITY_APPEARANCE } from './risks-model';
import { cell, sectionHeading, subtle, tableStyle } from './styles';

/** A big program can detect hundreds at once (e.g. every epic serving no OKR): 50 a page, as the register. */
const PENDING_PER_PAGE = 50;

export function PendingRisks({
  pending,
  canDetect,
  siteUrl,
}: {
  pending: readonly PendingRisk[];
  canDetect: boolean;
  siteUrl: string | undefined;
}) {
  const { shown, setPage } = useTablePage(pending, PENDING_PER_PAGE);
  if (pending.length === 0) return null;
  return (
    <section
      aria-labelledby="pending-risks-heading"
      style={{ display: 'grid', gap: token('space.100', '8px') }}
    >
      <h3 id="pending-risks-heading" style={sectionHeading}>
        Detected now, not yet in the register ({pending.length})
      </h3>
      <p style={{ ...subtle, margin: 0 }}>
        The daily check adds them to the register
        {canDetect ? '; “Detect now” adds them at once.' : '.'}
      </p>
      <table
        data-testid="pending-risks"
        style={tableStyle}
        aria-label={pagedLabel('Risks detected now, not yet in the register', shown)}
      >
        <thead>
          <tr>
            {['Risk', 'Why', 'Rule', 'Severity'].map((h) => (
              <th key={h} scope="col" style={cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.items.map((p) => (
            <tr key={p.id} data-testid={`pending-${p.id}`}>
              <th scope="row" style={{ ...cell, fontWeight: 'normal' }}>
                <IssueText text={p.title} siteUrl={siteUrl} />
                {p.reopens && (
                  <>
                    {' '}
                    <Lozenge appearance="moved">back again</Lozenge>
                  </>
                )}
              </th>
              <td style={cell}>
                <IssueText text={p.reason} siteUrl={siteUrl} />
              </td>
              <td style={cell}>{ruleLabel(p.rule)}</td>
              <td style={cell}>
                <Lozenge appearance={SEVERITY_APPEARANCE[p.severity]}>{p.severity}</Lozenge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TablePagination
        shown={shown}
        onSetPage={setPage}
        label="Pages of the risks detected now"
        testId="pending-risks-pages"
      />
    </section>
  );
}
