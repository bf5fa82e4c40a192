import type { RagReason } from '../domain/execution/rag';
import { forViewer, keyVisibility, readableReasons, type BrowseCheckDeps } from './visibility';

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
