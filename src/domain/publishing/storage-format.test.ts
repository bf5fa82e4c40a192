import { XMLValidator } from 'fast-xml-parser';
import { renderCharter, renderRiskReport, renderStatusReport, programRag } from './documents';
import { findManagedSection, managedSection, spliceManagedSection } from './managed-section';
import { reportPeriod } from './period';
import { escapeXml, expand, jiraLink, lozenge, raw, table, text } from './storage-format';
import { buildContent, buildMilestone, buildProgram, buildRisk, buildScopeRow } from './test-builders';

const wellFormed = (xhtml: string) =>
  XMLValidator.validate(
    `<root xmlns:ac="http://atlassian.com/content" xmlns:ri="http://atlassian.com/resource/identifier">${xhtml}</root>`,
  );

describe('storage format pieces', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['Tom & "Jerry"', 'Tom &amp; &quot;Jerry&quot;'],
    ["it's ]]>", 'it&#39;s ]]&gt;'],
    ['bell\u0007 and nul\u0000', 'bell and nul'],
  ])('escapes %j so it stays text', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });

  it('renders a status lozenge as the status macro with colour and title', () => {
    expect(raw(lozenge('Red', 'Blocked <now>'))).toBe(
      '<ac:structured-macro ac:name="status" ac:schema-version="1"><ac:parameter ac:name="colour">Red</ac:parameter><ac:parameter ac:name="title">Blocked &lt;now&gt;</ac:parameter></ac:structured-macro>',
    );
  });

  it('renders a table with a header row and escaped cells, and says so when it is empty', () => {
    const rendered = raw(table(['A', 'B'], [['<b>', 2]]));
    expect(rendered).toContain('<th>A</th><th>B</th>');
    expect(rendered).toContain('<td>&lt;b&gt;</td><td>2</td>');
    expect(raw(table(['A', 'B'], [], 'Nothing here.'))).toContain(
      '<td colspan="2"><em>Nothing here.</em></td>',
    );
  });

  it('links a Jira issue key to the site and leaves anything else as plain text', () => {
    expect(raw(jiraLink('https://x.atlassian.net/', 'PAY-12'))).toBe(
      '<a href="https://x.atlassian.net/browse/PAY-12">PAY-12</a>',
    );
    expect(raw(jiraLink('https://x.atlassian.net', '"><script>'))).toBe('&quot;&gt;&lt;script&gt;');
  });

  it('wraps a section in the expand macro with its title', () => {
    const rendered = raw(expand('More & more', text('body')));
    expect(rendered).toContain('<ac:parameter ac:name="title">More &amp; more</ac:parameter>');
    expect(rendered).toContain('<ac:rich-text-body>body</ac:rich-text-body>');
  });
});

describe('managed section', () => {
  const section = (body: string) => managedSection(text(body));

  it('replaces only the managed section and keeps what people wrote before and after it', () => {
    const page = `<p>Intro by Dana</p>${section('old')}<p>Notes by Sam</p>`;
    const next = spliceManagedSection(page, section('new'));
    expect(next).toBe(`<p>Intro by Dana</p>${section('new')}<p>Notes by Sam</p>`);
  });

  it('finds the end of the section past nested macros and CDATA that looks like a closing tag', () => {
    const inner = managedSection(lozenge('Green', 'ok'));
    const page = `${inner}<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[</ac:structured-macro>]]></ac:plain-text-body></ac:structured-macro>`;
    expect(findManagedSection(page)).toEqual({ start: 0, end: inner.length });
  });

  it('puts the section back on top when a person deleted it, keeping their text', () => {
    expect(spliceManagedSection('<p>Only mine</p>', section('new'))).toBe(
      `${section('new')}<p>Only mine</p>`,
    );
  });
});

describe('documents', () => {
  it('renders every artifact to well-formed XHTML with its charts as attachments', () => {
    const content = buildContent();
    for (const page of [
      renderCharter(content),
      renderStatusReport(content, reportPeriod('weekly', '2026-11-25')),
      renderRiskReport(content),
    ]) {
      expect(wellFormed(managedSection(page.body))).toBe(true);
      for (const chart of page.charts) {
        expect(raw(page.body)).toContain(`<ri:attachment ri:filename="${chart.filename}" />`);
        expect(XMLValidator.validate(chart.svg)).toBe(true);
      }
    }
  });

  it('names the status report after its period so each period gets its own page', () => {
    const program = buildProgram({ name: 'Atlas' });
    const page = renderStatusReport(
      buildContent({ program }),
      reportPeriod('weekly', '2026-11-25T10:00:00Z'),
    );
    expect(page.title).toBe('Atlas — Status report 2026-11-23');
    expect(page.period).toBe('2026-11-23');
  });

  it('shows red with the reason when a milestone is past its date, amber for a high risk', () => {
    const late = programRag({
      milestones: [buildMilestone({ name: 'GA', targetDate: '2026-11-01', status: 'on-track' })],
      risks: [],
      today: '2026-11-25',
    });
    expect(late.rag).toBe('red');
    expect(late.reasons.join(' ')).toMatch(/GA.*past its target date/);
    const risky = programRag({
      milestones: [],
      risks: [buildRisk({ probability: 4, impact: 3 })],
      today: '2026-11-25',
    });
    expect(risky.rag).toBe('amber');
  });

  it('lists problems (risks that happened) apart from live risks in the risk report', () => {
    const content = buildContent({
      risks: [
        buildRisk({ id: 'a', title: 'Outage', status: 'happened' }),
        buildRisk({ id: 'b', title: 'Churn' }),
      ],
    });
    const body = raw(renderRiskReport(content).body);
    expect(body.indexOf('Outage')).toBeLessThan(body.indexOf('Risks, worst first'));
    expect(body.indexOf('Churn')).toBeGreaterThan(body.indexOf('Risks, worst first'));
  });

  it('links every initiative of the scope to its Jira issue', () => {
    const body = raw(renderCharter(buildContent({ scope: [buildScopeRow({ key: 'ID-7' })] })).body);
    expect(body).toContain('<a href="https://example.atlassian.net/browse/ID-7">ID-7</a>');
  });
});

describe('report periods', () => {
  it.each([
    ['weekly', '2026-11-25T23:59:00Z', '2026-11-23', '2026-11-29'],
    ['weekly', '2026-11-23T00:00:00Z', '2026-11-23', '2026-11-29'],
    ['monthly', '2026-02-14T12:00:00Z', '2026-02-01', '2026-02-28'],
  ] as const)('%s period of %s runs %s to %s', (cadence, at, start, end) => {
    expect(reportPeriod(cadence, at)).toMatchObject({ start, end, key: start });
  });

  it('keeps two consecutive weeks in one biweekly period', () => {
    const first = reportPeriod('biweekly', '2026-11-23T00:00:00Z');
    const days = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((d) =>
      reportPeriod('biweekly', new Date(Date.parse(first.start) + d * 86_400_000).toISOString()),
    );
    expect(new Set(days.map((p) => p.key))).toEqual(new Set([first.key]));
  });
});
