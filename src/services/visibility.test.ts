import fc from 'fast-check';
import type { RagReason } from '../domain/execution/rag';
import {
  forViewer,
  keyVisibility,
  readableReasons,
  restoreHiddenKeys,
  withHiddenKeysRestored,
  withoutHiddenKeys,
  type BrowseCheckDeps,
  type KeyVisibility,
} from './visibility';

const ids: Record<string, string> = { MOB: '10', DATA: '11', PAY: '12' };
const browse = (projects: string[]): BrowseCheckDeps => ({
  projectIdsByKey: async (keys) => Object.fromEntries(keys.flatMap((k) => (ids[k] ? [[k, ids[k]]] : []))),
  browsableProjectIds: async () => new Set(projects.map((p) => ids[p]!)),
});

describe('what one viewer is shown of issue keys', () => {
  it('returns the same response, with no count, to a viewer who may browse every project it names', async () => {
    const view = { epicKeys: ['MOB-1', 'DATA-2'], schedule: [{ key: 'PAY-3', sprint: 1 }] };
    expect(await forViewer(browse(['MOB', 'DATA', 'PAY']), view)).toBe(view);
  });

  it('drops hidden keys from lists, rows keyed by them and maps keyed by them, and counts them', async () => {
    const view = {
      epicKeys: ['MOB-1', 'DATA-2'],
      schedule: [
        { key: 'MOB-1', sprint: 0 },
        { key: 'DATA-2', sprint: 1 },
      ],
      estimates: { 'MOB-1': 3, 'DATA-2': 5 },
      note: 'MOB-1 waits for DATA-2',
    };
    const shown = await forViewer(browse(['MOB']), view);
    expect(shown.epicKeys).toEqual(['MOB-1']);
    expect(shown.schedule.map((s) => s.key)).toEqual(['MOB-1']);
    expect(Object.keys(shown.estimates)).toEqual(['MOB-1']);
    expect(shown.note).not.toContain('DATA-2');
    expect(shown.hiddenKeys).toBe(1);
    expect(view.epicKeys).toEqual(['MOB-1', 'DATA-2']);
  });

  it('leaves out RAG reasons naming an issue the viewer cannot browse, and counts them', async () => {
    const reasons: RagReason[] = [
      { level: 'red', source: 'schedule', text: 'MOB-1 is late', label: 'Late', initiativeKeys: ['MOB-1'] },
      {
        level: 'amber',
        source: 'detected-risk',
        text: 'MOB-1 waits for DATA-2',
        label: 'Risk',
        initiativeKeys: ['MOB-1'],
      },
    ];
    const visibility = await keyVisibility(browse(['MOB']), reasons);
    const { reasons: shown, hidden } = readableReasons(reasons, visibility);
    expect(shown.map((r) => r.text)).toEqual(['MOB-1 is late']);
    expect(hidden).toBe(1);
  });
});

describe('what an editor who cannot see every issue saves', () => {
  const mobOnly: KeyVisibility = {
    canBrowse: (key) => key.startsWith('MOB-'),
    canRead: (text) =>
      (text.match(/\b[A-Z][A-Z0-9_]*-[1-9][0-9]*\b/g) ?? []).every((k) => k.startsWith('MOB-')),
  };
  const stored = {
    name: 'Checkout',
    epicKeys: ['DATA-2', 'MOB-1', 'PAY-3', 'MOB-4'],
    rows: [
      { id: 'a', key: 'MOB-1', note: 'waits for DATA-2 and PAY-3' },
      { id: 'b', key: 'DATA-2', note: 'hidden row' },
    ],
    estimates: { 'MOB-1': 3, 'DATA-2': 5 },
    description: 'DATA-2 feeds MOB-1; PAY-3 pays for it',
  };

  it('puts back, unchanged, everything a no-op edit could not show', () => {
    const shown = withoutHiddenKeys(stored, mobOnly);
    expect(shown.epicKeys).toEqual(['MOB-1', 'MOB-4']);
    expect(withHiddenKeysRestored(stored, shown, mobOnly)).toEqual(stored);
  });

  it('keeps the visible changes: an added and a removed key, an edited text, a changed map entry', () => {
    const shown = withoutHiddenKeys(stored, mobOnly);
    const edited = {
      ...shown,
      epicKeys: ['MOB-4', 'MOB-9'],
      rows: [{ ...shown.rows[0]!, note: `${shown.rows[0]!.note} (checked)` }],
      estimates: { 'MOB-1': 8 },
      description: shown.description.replace('feeds', 'unblocks'),
    };
    expect(withHiddenKeysRestored(stored, edited, mobOnly)).toEqual({
      name: 'Checkout',
      epicKeys: ['DATA-2', 'MOB-4', 'PAY-3', 'MOB-9'],
      rows: [
        { id: 'a', key: 'MOB-1', note: 'waits for DATA-2 and PAY-3 (checked)' },
        { id: 'b', key: 'DATA-2', note: 'hidden row' },
      ],
      estimates: { 'MOB-1': 8, 'DATA-2': 5 },
      description: 'DATA-2 unblocks MOB-1; PAY-3 pays for it',
    });
  });

  it('leaves out a row whose link names a hidden issue (a stand-in would break the link), and puts it back', () => {
    const evidence = {
      items: [
        { kind: 'link', url: 'https://acme.atlassian.net/browse/PAY-3' },
        { kind: 'issue', key: 'MOB-1' },
        { kind: 'link', url: 'https://wiki.example.com/retro' },
      ],
    };
    const shown = withoutHiddenKeys(evidence, mobOnly);
    expect(shown.items).toEqual([evidence.items[1], evidence.items[2]]);
    expect(withHiddenKeysRestored(evidence, shown, mobOnly)).toEqual(evidence);
  });

  it('returns the edit itself when nothing was hidden, and asks Jira nothing when the record names no issue', async () => {
    const edited = { epicKeys: ['MOB-2'] };
    expect(withHiddenKeysRestored({ epicKeys: ['MOB-1'] }, edited, mobOnly)).toBe(edited);
    const asked: string[] = [];
    const deps: BrowseCheckDeps = {
      projectIdsByKey: async (keys) => {
        asked.push(...keys);
        return {};
      },
      browsableProjectIds: async () => new Set(),
    };
    const plain = { name: 'Renamed' };
    expect(await restoreHiddenKeys(deps, { name: 'Old' }, plain)).toBe(plain);
    expect(asked).toEqual([]);
  });

  it('round-trips any record: what the editor was shown, saved unchanged, restores the record', () => {
    const key = fc.tuple(fc.constantFrom('MOB', 'DATA', 'PAY'), fc.integer({ min: 1, max: 30 }));
    const issueKey = key.map(([p, n]) => `${p}-${n}`);
    const text = fc
      .array(fc.oneof(issueKey, fc.constantFrom('waits for', 'and', 'ships with', '—')), { maxLength: 6 })
      .map((words) => words.join(' '));
    const row = fc.record({ id: fc.uuid(), key: issueKey, note: text });
    const record = fc.record({
      keys: fc.uniqueArray(issueKey, { maxLength: 8 }),
      rows: fc.uniqueArray(row, { maxLength: 5, selector: (r) => r.id }),
      byKey: fc.dictionary(issueKey, fc.integer()),
      notes: fc.array(text, { maxLength: 5 }),
      text,
    });
    fc.assert(
      fc.property(record, (value) => {
        expect(withHiddenKeysRestored(value, withoutHiddenKeys(value, mobOnly), mobOnly)).toEqual(value);
      }),
      { numRuns: 500 },
    );
  });
});
