import { MissingUiBuildError, startDevStack } from './stack';

describe('startDevStack', () => {
  it('refuses to start without a built UI and says how to build it', async () => {
    const failure = await startDevStack({ buildDir: '/nonexistent/program-view/build', port: 0 }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(MissingUiBuildError);
    expect((failure as Error).message).toMatch(/run "npm run build:ui"/i);
  });
});
