import { parseMembership, withoutProgram, withProgram } from './membership';

describe('the programs.membership property', () => {
  it.each([
    [undefined, []],
    [null, []],
    ['prog-atlas', []],
    [{ programIds: 'prog-atlas' }, []],
    [{ programIds: ['prog-atlas', 7, 'prog-atlas', 'prog-b'] }, ['prog-atlas', 'prog-b']],
  ])('reads %j as the programs %j', (value, ids) => {
    expect(parseMembership(value).programIds).toEqual(ids);
  });

  it('adds a program next to the others and keeps fields it does not know', () => {
    const edit = withProgram({ programIds: ['prog-b'], note: 'kept' }, 'prog-atlas');
    expect(edit).toEqual({
      value: { programIds: ['prog-b', 'prog-atlas'], note: 'kept' },
      programIds: ['prog-b', 'prog-atlas'],
      changed: true,
    });
  });

  it('adding a program the epic already has changes nothing', () => {
    expect(withProgram({ programIds: ['prog-atlas'] }, 'prog-atlas').changed).toBe(false);
  });

  it('starts the property when the epic has none', () => {
    expect(withProgram(undefined, 'prog-atlas').value).toEqual({ programIds: ['prog-atlas'] });
  });

  it('removes only the program asked for', () => {
    const edit = withoutProgram({ programIds: ['prog-b', 'prog-atlas', 'prog-c'] }, 'prog-atlas');
    expect(edit.programIds).toEqual(['prog-b', 'prog-c']);
    expect(edit.changed).toBe(true);
  });

  it('removing a program the epic does not have changes nothing', () => {
    expect(withoutProgram({ programIds: ['prog-b'] }, 'prog-atlas')).toMatchObject({
      programIds: ['prog-b'],
      changed: false,
    });
  });
});
