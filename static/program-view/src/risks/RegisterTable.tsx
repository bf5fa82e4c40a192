// The register: one row per risk with its source and rule, severity, status, owner and dates; a row opens to
// show why (for detected risks), the mitigation and every status change. 50 risks a page: a row that opens
// into a second row is no DynamicTable, so the page is cut with the paging model.
import { Fragment, useState, type ReactElement } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { Person, RegisterRisk } from '../../../../src/contract';
import { pagedLabel } from '../tables/paging-model';
import { TablePagination, useTablePage } from '../tables/TablePagination';
import { IssueText } from './IssueText';
import {
  dateOnly,
  historyLine,
  personName,
  ruleLabel,
  SEVERITY_APPEARANCE,
  STATUS_APPEARANCE,
} from './risks-model';
import { cell, subtle, tableStyle, visuallyHidden } from './styles';

const ROWS_PER_PAGE = 50;

const COLUMNS = ['', 'Risk', 'Source', 'Severity', 'Status', 'Owner', 'Detected', 'Condition cleared', ''];

function Details({
  risk,
  people,
  siteUrl,
}: {
  risk: RegisterRisk;
  people: readonly Person[];
  siteUrl: string | undefined;
}) {
  return (
    <div style={{ display: 'grid', gap: token('space.100', '8px') }}>
      {risk.reason && (
        <p style={{ margin: 0 }}>
          <strong>Why: </strong>
          <IssueText text={risk.reason} siteUrl={siteUrl} />
        </p>
      )}
      <p style={{ margin: 0 }}>
        <strong>Mitigation: </strong>
        {risk.mitigation || <span style={subtle}>none recorded (edit the risk on the Overview tab)</span>}
      </p>
      <div>
        <strong>History</strong>
        {(risk.history ?? []).length === 0 ? (
          <p style={{ ...subtle, margin: 0 }}>No status change recorded.</p>
        ) : (
          <ol
            style={{ margin: 0, paddingLeft: token('space.250', '20px') }}
            data-testid={`risk-history-${risk.id}`}
          >
            {(risk.history ?? []).map((change, i) => (
              <li key={`${change.at}-${i}`}>{historyLine(change, people)}</li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}

export function RegisterTable({
  risks,
  people,
  siteUrl,
  onRecordProblem,
  emptyView,
}: {
  risks: readonly RegisterRisk[];
  people: readonly Person[];
  siteUrl: string | undefined;
  onRecordProblem: (risk: RegisterRisk) => void;
  /** What an empty register shows: what would put a risk here. */
  emptyView: ReactElement;
}) {
  const { shown, setPage } = useTablePage(risks, ROWS_PER_PAGE);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  if (risks.length === 0) return emptyView;
  return (
    <div>
      <table data-testid="risk-register" style={tableStyle} aria-label={pagedLabel('Risk register', shown)}>
        <thead>
          <tr>
            {COLUMNS.map((h, i) => (
              <th key={i} scope="col" style={cell}>
                {h || <span style={visuallyHidden}>{i === 0 ? 'Details' : 'Actions'}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.items.map((risk) => {
            const expanded = open.has(risk.id);
            const detailsId = `risk-details-${risk.id}`;
            return (
              <Fragment key={risk.id}>
                <tr data-testid={`risk-row-${risk.id}`}>
                  <td style={cell}>
                    <Button
                      appearance="subtle"
                      spacing="compact"
                      aria-expanded={expanded}
                      aria-controls={detailsId}
                      onClick={() => toggle(risk.id)}
                      testId={`risk-expand-${risk.id}`}
                    >
                      {expanded ? 'Hide' : 'Details'}
                      <span style={visuallyHidden}> of {risk.title}</span>
                    </Button>
                  </td>
                  <th scope="row" style={{ ...cell, fontWeight: 'normal' }}>
                    <IssueText text={risk.title} siteUrl={siteUrl} />
                  </th>
                  <td style={cell}>
                    <Lozenge appearance={risk.source === 'detected' ? 'inprogress' : 'default'}>
                      {risk.source}
                    </Lozenge>
                    {risk.source === 'detected' && <div style={subtle}>{ruleLabel(risk.rule)}</div>}
                  </td>
                  <td style={cell}>
                    <Lozenge appearance={SEVERITY_APPEARANCE[risk.severity]}>{risk.severity}</Lozenge>
                    <div style={subtle}>
                      {risk.probability} × {risk.impact}
                    </div>
                  </td>
                  <td style={cell}>
                    <Lozenge appearance={STATUS_APPEARANCE[risk.status]} testId={`risk-status-${risk.id}`}>
                      {risk.status}
                    </Lozenge>
                  </td>
                  <td style={cell}>{personName(people, risk.ownerAccountId)}</td>
                  <td style={cell}>{dateOnly(risk.detectedAt)}</td>
                  <td style={cell}>{dateOnly(risk.clearedAt)}</td>
                  <td style={cell}>
                    {risk.canManageProblem && !risk.problem && (
                      <Button
                        spacing="compact"
                        onClick={() => onRecordProblem(risk)}
                        testId={`risk-record-problem-${risk.id}`}
                        aria-label={`It happened: record “${risk.title}” as a problem`}
                      >
                        It happened
                      </Button>
                    )}
                  </td>
                </tr>
                <tr id={detailsId} data-testid={detailsId} hidden={!expanded}>
                  <td style={cell} />
                  <td style={cell} colSpan={COLUMNS.length - 1}>
                    {expanded && <Details risk={risk} people={people} siteUrl={siteUrl} />}
                  </td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
      <TablePagination
        shown={shown}
        onSetPage={setPage}
        label="Pages of the risk register"
        testId="risk-register-pagination"
      />
    </div>
  );
}
