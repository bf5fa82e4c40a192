import type { EpicDependency, EpicProgram } from '../../../src/contract';
import { programRow, sortDependencies } from './panel-model';

const program = (via: EpicProgram['via']): EpicProgram => ({
  program: { id: 'prog-atlas', name: 'Atlas', stage: 'planning', scopeJql: 'labels = atlas' },
  via,
});

const dependency = (key: string, direction: EpicDependency['direction']): EpicDependency => ({
  key,
  summary: null,
  team: null,
  status: null,
  direction,
  external: false,
  evidence: [],
});

describe('a program row on the epic panel', () => {
  it('offers to add an epic that is not in the program', () => {
    expect(programRow(program([]))).toMatchObject({ labels: ['Not in this program'], action: 'add' });
  });

  it('offers to remove an epic a team added', () => {
    expect(programRow(program(['explicit']))).toMatchObject({
      labels: ['Added to program'],
      action: 'remove',
    });
  });

  it('offers nothing for an epic the scope filter selects, and says why', () => {
    const row = programRow(program(['filter']));
    expect(row.action).toBe('none');
    expect(row.note).toMatch(/scope filter/);
  });

  it('lets a team take back its explicit add even when the filter also selects the epic', () => {
    const row = programRow(program(['filter', 'explicit']));
    expect(row.labels).toEqual(['In scope by filter', 'Added to program']);
    expect(row.action).toBe('remove');
  });
});

describe('the epic’s dependencies', () => {
  it('lists what it waits for before what waits for it, each in key order', () => {
    const sorted = sortDependencies([
      dependency('PAY-10', 'downstream'),
      dependency('ID-9', 'upstream'),
      dependency('PAY-2', 'downstream'),
    ]);
    expect(sorted.map((d) => d.key)).toEqual(['ID-9', 'PAY-2', 'PAY-10']);
  });
});
