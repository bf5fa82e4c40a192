jest.mock('@forge/bridge', () => ({ invoke: jest.fn() }));

import { makeResolverCall, ResolverCallError } from './api';

describe('typed resolver calls', () => {
  it('sends the key and payload and returns the data of a successful envelope', async () => {
    const invoke = jest.fn().mockResolvedValue({ success: true, data: { programs: [] } });
    const call = makeResolverCall(invoke);

    await expect(call('program/list', {})).resolves.toEqual({ programs: [] });
    expect(invoke).toHaveBeenCalledWith('program/list', {});
  });

  it('throws a ResolverCallError carrying the errorType of a failed envelope', async () => {
    const call = makeResolverCall(async () => ({
      success: false,
      errors: [{ errorType: 'FORBIDDEN', message: 'You cannot browse PAY.' }],
    }));

    const failure = await call('program/initiatives', { programId: 'p-1' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ResolverCallError);
    expect(failure).toMatchObject({
      errorType: 'FORBIDDEN',
      message: 'You cannot browse PAY.',
      key: 'program/initiatives',
    });
  });

  it('reports an unreachable backend as an INTERNAL error that keeps the cause', async () => {
    const cause = new Error('socket hang up');
    const call = makeResolverCall(async () => {
      throw cause;
    });

    const failure = await call('program/list', {}).catch((error: unknown) => error);
    expect(failure).toMatchObject({ errorType: 'INTERNAL', cause });
  });

  it.each([[undefined], ['ok'], [{ programs: [] }], [{ success: false }]])(
    'rejects an answer that is not an envelope: %p',
    async (answer) => {
      const call = makeResolverCall(async () => answer);
      await expect(call('program/list', {})).rejects.toMatchObject({ errorType: 'INTERNAL' });
    },
  );

  it('still fails clearly when a failed envelope lists no errors', async () => {
    const call = makeResolverCall(async () => ({ success: false, errors: [] }));
    await expect(call('program/list', {})).rejects.toMatchObject({ errorType: 'INTERNAL' });
  });
});
