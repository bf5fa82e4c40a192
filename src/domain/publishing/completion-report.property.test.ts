// Fuzz: whatever people type into the Completion records, the completion report renders to well-formed
// XHTML and SVG, and their text never becomes markup — no element, macro or script the renderer did not put
// there, and no link to anything but an http(s) address.
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { analyzeCompletion } from '../completion/analysis/analysis';
import { assessmentRows, verdictCounts } from '../completion/assessment';
import type { CompletionReport } from '../completion/report';
import { buildBaseline, buildChild, buildInitiative, buildPlan, frozen } from '../completion/test-builders';
import { renderCompletionReport } from './completion-report';
import { managedSection } from './managed-section';
import { buildContent, buildGoal, buildProgram } from './test-builders';

const RUNS = { numRuns: 200 };
const TEXTS = 24;
const NAMESPACES =
  'xmlns:ac="http://atlassian.com/content" xmlns:ri="http://atlassian.com/resource/identifier"';

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    ']]>',
    '<![CDATA[x]]>',
    '<ac:structured-macro ac:name="html"><ac:plain-text-body><![CDATA[<script>x</script>]]></ac:plain-text-body></ac:structured-macro>',
    '&nbsp; &amp; &#0; &lt;',
    '"><img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '\u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF',
    '\uD800 lone surrogate',
    'emoji 🚀 and RTL \u202E',
    'line one\n\nline two\r\n',
  ),
  fc.string({ maxLength: 20 }),
);

function reportWith(t: (i: number) => string): {
  content: ReturnType<typeof buildContent>;
  report: CompletionReport;
} {
  const program = buildProgram({
    name: t(0),
    people: [{ accountId: 'tpm-1', displayName: t(1) }],
    teams: [{ id: 'team-pay', name: t(2), jiraTeam: 'PAY', leadAccountId: 'tpm-1', capacityPerSprint: 5 }],
  });
  const goals = [buildGoal({ id: 'g1', statement: t(3), metric: t(4), target: t(5) })];
  const plan = buildPlan({
    calendar: {
      ...buildPlan().calendar,
      sprints: buildPlan().calendar.sprints.map((s, i) => ({ ...s, name: i === 0 ? t(6) : s.name })),
    },
    successCriteria: [{ id: 'c1', statement: t(7), metric: t(8), target: t(9), goalIds: ['g1'] }],
  });
  const assessments = [
    {
      id: 'goal-g1',
      subject: { kind: 'goal' as const, goalId: 'g1' },
      verdict: 'met' as const,
      measuredValue: t(10),
      // Stored evidence is validated on the way in; the renderer must hold even if it were not.
      evidence: [
        { kind: 'link' as const, url: t(11) },
        { kind: 'issue' as const, key: t(12) },
      ],
      note: t(13),
      assessedBy: 'tpm-1',
      assessedAt: '2027-04-02T00:00:00Z',
    },
  ];
  const rows = assessmentRows(goals, [plan], assessments);
  const stamp = { createdBy: 'tpm-1', createdAt: 'x', updatedBy: 'tpm-1', updatedAt: 'x' };
  const analysis = analyzeCompletion(
    {
      today: '2027-04-20',
      program,
      plans: [plan],
      initiatives: [
        buildInitiative({
          summary: t(14),
          team: t(15),
          resolvedAt: '2027-02-03T00:00:00Z',
          children: [buildChild({ resolvedAt: '2027-01-12T00:00:00Z' })],
        }),
      ],
    },
    [frozen(buildBaseline())],
  );
  return {
    content: buildContent({ program, goals }),
    report: {
      rows,
      counts: verdictCounts(rows),
      goalNames: { g1: t(3) },
      lessons: [{ id: 'l1', category: 'went-well', whatHappened: t(16), learned: t(17), ...stamp }],
      actions: [
        {
          id: 'a1',
          action: t(18),
          ownerAccountId: 'tpm-1',
          dueDate: '2027-06-30',
          status: 'open',
          lessonId: 'l1',
          ...stamp,
        },
      ],
      handover: {
        id: 'handover',
        receivingTeam: t(19),
        contactAccountId: 'tpm-1',
        items: [
          { kind: 'description', text: t(20) },
          { kind: 'issue', key: t(21) },
        ],
        links: [{ kind: 'runbook', label: t(22), url: t(23) }],
        handoverDate: '2027-04-01',
        waiver: null,
        acceptance: { status: 'rejected', by: 'tpm-1', at: '2027-04-02T00:00:00Z', note: t(20) },
        updatedBy: 'tpm-1',
        updatedAt: 'x',
      },
      analysis,
      closedAt: null,
    },
  };
}

const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, attributeNamePrefix: '@' });

/** Every element (macros by name), and every link target, in document order. */
function structure(xhtml: string): { elements: string[]; hrefs: string[] } {
  const elements: string[] = [];
  const hrefs: string[] = [];
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as Record<string, unknown>[]) {
      for (const [name, children] of Object.entries(node)) {
        if (name === ':@' || name === '#text') continue;
        const attrs = (node[':@'] ?? {}) as Record<string, string>;
        elements.push(name === 'ac:structured-macro' ? `${name}[${attrs['@ac:name']}]` : name);
        if (attrs['@href'] !== undefined) hrefs.push(attrs['@href']);
        if (Array.isArray(children)) walk(children);
      }
    }
  };
  walk(parser.parse(`<root ${NAMESPACES}>${xhtml}</root>`) as unknown[]);
  return { elements, hrefs };
}

const render = (t: (i: number) => string) => {
  const { content, report } = reportWith(t);
  const page = renderCompletionReport(content, report);
  return { xhtml: managedSection(page.body), svg: page.charts.map((c) => c.svg) };
};

describe('rendering arbitrary completion records', () => {
  it('always gives well-formed XHTML and SVG', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: TEXTS, maxLength: TEXTS }), (texts) => {
        const page = render((i) => texts[i] ?? '');
        expect(XMLValidator.validate(`<root ${NAMESPACES}>${page.xhtml}</root>`)).toBe(true);
        for (const svg of page.svg) expect(XMLValidator.validate(svg)).toBe(true);
      }),
      RUNS,
    );
  });

  it('never lets the text add an element, a macro, a script or a non-web link', () => {
    // With plain text, the links are plain text too: hostile text may only take links away, never add one.
    const plain = structure(render(() => 'plain').xhtml);
    fc.assert(
      fc.property(fc.array(hostile, { minLength: TEXTS, maxLength: TEXTS }), (texts) => {
        const found = structure(render((i) => texts[i] ?? '').xhtml);
        const withoutLinks = (names: string[]) => names.filter((n) => n !== 'a');
        expect(withoutLinks(found.elements)).toEqual(withoutLinks(plain.elements));
        expect(found.elements).not.toContain('script');
        for (const href of found.hrefs) expect(href).toMatch(/^https?:\/\/[^\s]+$/);
      }),
      RUNS,
    );
  });
});
