import { assess } from './assessment';
import { answerHandover, saveHandover } from './handover';
import { newLesson } from './lessons';
import { closingReadiness, completionGateMissing, completionRecordsOf } from './readiness';

const goals = [{ id: 'g1' }, { id: 'g2' }];
const fields = { verdict: 'met' as const, measuredValue: '', evidence: [], note: '' };
const handover = saveHandover(
  undefined,
  {
    receivingTeam: 'SRE',
    contactAccountId: null,
    items: [{ kind: 'issue', key: 'PLAT-1' }],
    links: [],
    handoverDate: null,
    waiverReason: null,
  },
  'tpm',
  'now',
);
const complete = {
  assessments: goals.map((g) => assess({ kind: 'goal', goalId: g.id }, fields, 'tpm', 'now')),
  lessons: [newLesson('l1', { category: 'went-well', whatHappened: 'a', learned: 'b' }, 'tpm', 'now')],
  handover: answerHandover(handover, 'accepted', '', 'sre', 'now'),
};

describe('what closing the program needs', () => {
  it('needs nothing more once every goal is assessed, a lesson is learned and the handover accepted', () => {
    expect(completionGateMissing(goals, complete)).toEqual([]);
  });

  it('names the unassessed goals, the missing lesson and the handover still pending', () => {
    expect(
      completionGateMissing(goals, {
        assessments: complete.assessments.slice(0, 1),
        lessons: [],
        handover,
      }),
    ).toEqual([
      'An assessment of 1 goal(s)',
      'At least one lesson learned',
      'The receiving team’s acceptance of the handover',
    ]);
  });

  it('takes a waived handover, and asks again for one the receiving team rejected', () => {
    const waived = saveHandover(
      handover,
      { ...handover, waiverReason: 'Nothing runs after the program' },
      'tpm',
      'now',
    );
    expect(completionGateMissing(goals, { ...complete, handover: waived })).toEqual([]);
    const rejected = answerHandover(handover, 'rejected', 'No runbook', 'sre', 'now');
    expect(completionGateMissing(goals, { ...complete, handover: rejected })).toEqual([
      'A handover the receiving team accepts (they rejected the last one)',
    ]);
    expect(completionGateMissing(goals, { ...complete, handover: null })[0]).toMatch(/transition to support/);
  });

  it('reads the records as the item store lists them', () => {
    expect(
      completionRecordsOf({
        assessment: complete.assessments,
        lesson: complete.lessons,
        handover: [complete.handover],
      }),
    ).toEqual(complete);
  });

  it('is ready only in Completion, and warns about unassessed criteria without blocking', () => {
    const inCompletion = closingReadiness({
      stage: 'completion',
      goals,
      records: complete,
      unassessedCriteria: 2,
    });
    expect(inCompletion).toMatchObject({ ready: true, missing: [], handover: 'accepted' });
    expect(inCompletion.warnings).toEqual(['2 success criteria of the quarter plans are not assessed yet.']);
    const inExecution = closingReadiness({
      stage: 'execution',
      goals,
      records: complete,
      unassessedCriteria: 0,
    });
    expect(inExecution.ready).toBe(false);
    expect(inExecution.warnings[0]).toMatch(/move it to Completion/);
  });
});
