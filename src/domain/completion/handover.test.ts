import { answerHandover, handoverState, saveHandover, type HandoverInput } from './handover';

const input: HandoverInput = {
  receivingTeam: 'Checkout SRE',
  contactAccountId: 'sre-lead',
  items: [
    { kind: 'issue', key: 'PLAT-4' },
    { kind: 'description', text: 'Checkout dashboards' },
  ],
  links: [{ kind: 'runbook', label: 'On-call runbook', url: 'https://wiki.example.com/runbook' }],
  handoverDate: '2027-09-15',
  waiverReason: null,
};
const saved = saveHandover(undefined, input, 'tpm', '2027-09-01T00:00:00.000Z');

describe('the transition to support', () => {
  it('starts pending the receiving team’s answer', () => {
    expect(saved.acceptance.status).toBe('pending');
    expect(handoverState(saved)).toBe('pending');
    expect(handoverState(null)).toBe('none');
  });

  it('needs a receiving team unless it is waived with a reason', () => {
    expect(() => saveHandover(undefined, { ...input, receivingTeam: '  ' }, 'tpm', 'now')).toThrow(
      /receiving team/,
    );
    const waived = saveHandover(
      undefined,
      { ...input, receivingTeam: '', items: [], waiverReason: 'Internal tooling, retired at the end.' },
      'tpm',
      '2027-09-01T00:00:00.000Z',
    );
    expect(handoverState(waived)).toBe('waived');
    expect(waived.waiver).toEqual({
      reason: 'Internal tooling, retired at the end.',
      by: 'tpm',
      at: '2027-09-01T00:00:00.000Z',
    });
  });

  it('records the receiving team’s acceptance, and asks again when the terms change', () => {
    const accepted = answerHandover(saved, 'accepted', '', 'sre-lead', '2027-09-16T00:00:00.000Z');
    expect(accepted.acceptance).toEqual({
      status: 'accepted',
      by: 'sre-lead',
      at: '2027-09-16T00:00:00.000Z',
      note: '',
    });
    expect(handoverState(saveHandover(accepted, input, 'tpm', 'later'))).toBe('accepted');
    const changed = saveHandover(
      accepted,
      { ...input, items: [...input.items, { kind: 'issue', key: 'PLAT-9' }] },
      'tpm',
      'later',
    );
    expect(handoverState(changed)).toBe('pending');
  });

  it('wants a reason for a rejection, something to accept, and no waiver', () => {
    expect(() => answerHandover(saved, 'rejected', ' ', 'sre-lead', 'now')).toThrow(/why/);
    expect(
      answerHandover(saved, 'rejected', 'No runbook for refunds', 'sre-lead', 'now').acceptance.status,
    ).toBe('rejected');
    expect(() =>
      answerHandover(
        saveHandover(undefined, { ...input, items: [] }, 'tpm', 'now'),
        'accepted',
        '',
        'x',
        'now',
      ),
    ).toThrow(/what is handed over/);
    const waived = saveHandover(saved, { ...input, waiverReason: 'Not needed' }, 'tpm', 'now');
    expect(() => answerHandover(waived, 'accepted', '', 'x', 'now')).toThrow(/waived/);
  });
});
