// Fuzz: whatever people type into a program, every page renders to well-formed XHTML, and their text never
// becomes markup — no element, macro or script the renderer did not put there itself.
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderCharter, renderRiskReport, renderStatusReport, type ProgramContent } from './documents';
import { managedSection } from './managed-section';
import { reportPeriod } from './period';
import {
  buildContent,
  buildGoal,
  buildMilestone,
  buildProgram,
  buildRisk,
  buildScopeRow,
} from './test-builders';

const RUNS = { numRuns: 300 };
const NAMESPACES =
  'xmlns:ac="http://atlassian.com/content" xmlns:ri="http://atlassian.com/resource/identifier"';

/** Hostile text: markup, CDATA ends, macros, entities, unicode and control characters. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    ']]>',
    '<![CDATA[x]]>',
    '<ac:structured-macro ac:name="html"><ac:plain-text-body><![CDATA[<script>x</script>]]></ac:plain-text-body></ac:structured-macro>',
    '&nbsp; &amp; &#0; &lt;',
    '"><img src=x onerror=alert(1)>',
    '\u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF',
    '\uD800 lone surrogate',
    'emoji 🚀 and RTL \u202E',
    'line one\n\nline two\r\n',
  ),
  fc.string({ maxLength: 20 }),
);

const contentWith = (t: (i: number) => string): ProgramContent =>
  buildContent({
    program: buildProgram({
      name: t(0),
      description: t(1),
      expectedBenefits: t(2),
      resourcesNeeded: t(3),
      scopeJql: t(4),
      people: [{ accountId: 'tpm-1', displayName: t(5) }],
      teams: [{ id: 'pay', name: t(6), jiraTeam: t(7), leadAccountId: 'tpm-1', capacityPerSprint: 5 }],
    }),
    strategies: [
      {
        id: 's1',
        level: 'company',
        name: t(8),
        objective: t(9),
        keyResults: [{ id: 'k', description: t(10), metric: t(11), target: t(12) }],
      },
    ],
    strategicInitiatives: [
      { id: 'i1', name: t(13), description: t(14), strategyIds: ['s1'], epicKeys: ['PAY-1'] },
    ],
    goals: [buildGoal({ statement: t(15), metric: t(16), baseline: t(17), target: t(18) })],
    milestones: [buildMilestone({ name: t(19), status: 'at-risk' })],
    risks: [
      buildRisk({ title: t(20), mitigation: t(21) }),
      buildRisk({ id: 'r2', title: t(22), status: 'happened', probability: 5, impact: 5 }),
      buildRisk({
        id: 'r3',
        title: t(27),
        source: 'detected',
        rule: 'dependency-late',
        fingerprint: 'dependency-late:A>B',
        reason: t(28),
        initiativeKeys: ['PAY-1'],
        detectedAt: '2026-11-20T00:00:00.000Z',
        status: 'happened',
        problem: {
          description: t(29),
          ownerAccountId: 'tpm-1',
          resolution: t(30),
          happenedAt: '2026-11-21',
          resolvedAt: null,
        },
      }),
    ],
    scope: [buildScopeRow({ summary: t(23), team: t(24), status: { name: t(25), category: 'done' } })],
    scopeWarnings: [t(26)],
  });

const pagesOf = (content: ProgramContent) =>
  [
    renderCharter(content),
    renderStatusReport(content, reportPeriod('weekly', '2026-11-25'), {
      rag: 'red',
      reasons: [content.program.description, content.program.name],
      limitations: [content.program.expectedBenefits],
      summary: content.program.resourcesNeeded,
      points: { done: 3, total: 8 },
    }),
    renderRiskReport(content),
  ].map((page) => ({ xhtml: managedSection(page.body), charts: page.charts.map((c) => c.svg) }));

const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, attributeNamePrefix: '@' });

/** Every element with the macro name when it is one, in document order. */
function elements(xhtml: string): string[] {
  const out: string[] = [];
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as Record<string, unknown>[]) {
      for (const [name, children] of Object.entries(node)) {
        if (name === ':@' || name === '#text') continue;
        const attrs = (node[':@'] ?? {}) as Record<string, string>;
        out.push(name === 'ac:structured-macro' ? `${name}[${attrs['@ac:name']}]` : name);
        if (Array.isArray(children)) walk(children);
      }
    }
  };
  walk(parser.parse(`<root ${NAMESPACES}>${xhtml}</root>`) as unknown[]);
  return out;
}

describe('rendering arbitrary program text', () => {
  it('always gives well-formed XHTML and SVG', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 31, maxLength: 31 }), (texts) => {
        for (const page of pagesOf(contentWith((i) => texts[i] ?? ''))) {
          expect(XMLValidator.validate(`<root ${NAMESPACES}>${page.xhtml}</root>`)).toBe(true);
          for (const svg of page.charts) expect(XMLValidator.validate(svg)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('never lets the text add an element, a macro or a script', () => {
    const plain = pagesOf(contentWith(() => 'plain')).map((p) => elements(p.xhtml));
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 31, maxLength: 31 }), (texts) => {
        const pages = pagesOf(contentWith((i) => texts[i] ?? ''));
        pages.forEach((page, i) => {
          const found = elements(page.xhtml);
          // Multi-line text adds paragraphs and line breaks, nothing else.
          const structural = (names: string[]) => names.filter((n) => n !== 'p' && n !== 'br' && n !== 'em');
          expect(structural(found)).toEqual(structural(plain[i] ?? []));
          expect(found).not.toContain('script');
        });
      }),
      RUNS,
    );
  });
});
