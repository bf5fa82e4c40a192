import {
  generateSprints,
  isQuarterId,
  nextQuarter,
  parseQuarter,
  previousQuarter,
  quarterEnd,
  quarterOf,
  quarterStart,
  sprintsFromBoard,
  type BoardSprint,
} from './index';

const boardSprint = (id: number, fields: Partial<BoardSprint> = {}): BoardSprint => ({
  id,
  name: `Board sprint ${id}`,
  state: 'future',
  ...fields,
});

describe('quarters', () => {
  it.each([
    ['2027-Q1', '2027-01-01', '2027-03-31'],
    ['2027-Q2', '2027-04-01', '2027-06-30'],
    ['2027-Q3', '2027-07-01', '2027-09-30'],
    ['2027-Q4', '2027-10-01', '2027-12-31'],
    ['2028-Q1', '2028-01-01', '2028-03-31'],
  ])('runs %s from %s to %s', (quarter, start, end) => {
    expect([quarterStart(quarter), quarterEnd(quarter)]).toEqual([start, end]);
  });

  it.each(['2027-Q5', '2027-q1', '27-Q1', '2027-Q1 ', ''])('rejects %p as a quarter', (id) => {
    expect(parseQuarter(id)).toBeNull();
    expect(isQuarterId(id)).toBe(false);
    expect(() => quarterStart(id)).toThrow(RangeError);
  });

  it.each([
    ['2027-01-01', '2027-Q1'],
    ['2027-03-31', '2027-Q1'],
    ['2027-04-01', '2027-Q2'],
    ['2028-02-29', '2028-Q1'],
    ['2027-12-31T23:00:00.000Z', '2027-Q4'],
  ])('puts %s in %s', (date, quarter) => {
    expect(quarterOf(date)).toBe(quarter);
  });

  it('steps across a year boundary both ways', () => {
    expect(nextQuarter('2027-Q4')).toBe('2028-Q1');
    expect(previousQuarter('2028-Q1')).toBe('2027-Q4');
  });
});

describe('generated sprints', () => {
  it("starts on the quarter's first Monday and fits two-week sprints inside the quarter", () => {
    const sprints = generateSprints({ quarter: '2027-Q1' });
    expect(sprints[0]).toMatchObject({ start: '2027-01-04', end: '2027-01-17', index: 0, name: 'Sprint 1' });
    expect(sprints).toHaveLength(6);
    expect(sprints.at(-1)!.end <= '2027-03-31').toBe(true);
  });

  it('runs sprints back to back, each the day after the previous one ends', () => {
    const sprints = generateSprints({ quarter: '2027-Q2', lengthDays: 10 });
    for (let i = 1; i < sprints.length; i++) {
      const previousEnd = new Date(`${sprints[i - 1]!.end}T00:00:00Z`).getTime();
      expect(new Date(`${sprints[i]!.start}T00:00:00Z`).getTime() - previousEnd).toBe(86_400_000);
    }
  });

  it.each([
    ['2027-Q1', '2027-03-01', '2027-03-14'],
    ['2028-Q1', '2028-02-28', '2028-03-12'],
  ])('counts February 29 in a leap year: the fifth sprint of %s runs %s to %s', (quarter, start, end) => {
    expect(generateSprints({ quarter })[4]).toMatchObject({ start, end });
  });

  it('has one more one-day sprint in a leap-year first quarter', () => {
    expect(generateSprints({ quarter: '2028-Q1', lengthDays: 1, firstStart: '2028-01-01' })).toHaveLength(91);
    expect(generateSprints({ quarter: '2027-Q1', lengthDays: 1, firstStart: '2027-01-01' })).toHaveLength(90);
  });

  it('keeps the cadence of a first start before the quarter', () => {
    const sprints = generateSprints({ quarter: '2027-Q2', firstStart: '2027-03-22' });
    expect(sprints[0]!.start).toBe('2027-04-05');
  });

  it.each([0, -14, 1.5])('refuses a sprint length of %p days', (lengthDays) => {
    expect(() => generateSprints({ quarter: '2027-Q1', lengthDays })).toThrow(RangeError);
  });
});

describe('sprints from a board', () => {
  const quarter = '2027-Q1';

  it('keeps the sprints that overlap the quarter, in date order, and cuts one that crosses its start', () => {
    const sprints = sprintsFromBoard({
      quarter,
      boardSprints: [
        boardSprint(12, {
          state: 'active',
          startDate: '2027-01-11T09:00:00.000Z',
          endDate: '2027-01-24T17:00:00.000Z',
        }),
        boardSprint(10, { state: 'closed', startDate: '2026-12-14', endDate: '2026-12-27' }),
        boardSprint(11, { state: 'closed', startDate: '2026-12-28', endDate: '2027-01-10' }),
      ],
    });
    expect(sprints.map((s) => [s.id, s.start, s.end, s.index])).toEqual([
      ['11', '2027-01-01', '2027-01-10', 0],
      ['12', '2027-01-11', '2027-01-24', 1],
    ]);
    expect(sprints[0]!.clipped).toBe(true);
    expect(sprints[1]!.clipped).toBeUndefined();
  });

  it("gives future sprints without dates the board's cadence after its last dated sprint", () => {
    const sprints = sprintsFromBoard({
      quarter,
      boardSprints: [
        boardSprint(20, { state: 'active', startDate: '2027-03-01', endDate: '2027-03-07' }),
        boardSprint(21),
        boardSprint(22),
        boardSprint(23),
        boardSprint(24),
      ],
    });
    expect(sprints.map((s) => [s.id, s.start, s.end])).toEqual([
      ['20', '2027-03-01', '2027-03-07'],
      ['21', '2027-03-08', '2027-03-14'],
      ['22', '2027-03-15', '2027-03-21'],
      ['23', '2027-03-22', '2027-03-28'],
      ['24', '2027-03-29', '2027-03-31'],
    ]);
    expect(sprints.at(-1)!.clipped).toBe(true);
  });

  it("starts a board with only dateless sprints on the quarter's first Monday", () => {
    const sprints = sprintsFromBoard({
      quarter,
      boardSprints: [boardSprint(1), boardSprint(2)],
      lengthDays: 7,
    });
    expect(sprints.map((s) => s.start)).toEqual(['2027-01-04', '2027-01-11']);
  });

  it('leaves out a closed sprint without dates', () => {
    const sprints = sprintsFromBoard({ quarter, boardSprints: [boardSprint(1, { state: 'closed' })] });
    expect(sprints).toEqual([]);
  });
});
