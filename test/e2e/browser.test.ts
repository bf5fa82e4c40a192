import { chromiumOrSkip, DEFAULT_CHROMIUM_PATH, findChromium } from './browser';

describe('finding Chromium for the browser tests', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('prefers CHROMIUM_PATH over the default location', () => {
    expect(findChromium({ CHROMIUM_PATH: '/opt/chrome/chrome' }).path).toBe('/opt/chrome/chrome');
    expect(findChromium({}).path).toBe(DEFAULT_CHROMIUM_PATH);
  });

  it('returns a browser that exists', () => {
    expect(chromiumOrSkip('suite', { CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
    expect(warn).not.toHaveBeenCalled();
  });

  it('skips loudly when there is no browser', () => {
    expect(chromiumOrSkip('Programs page', { CHROMIUM_PATH: '/nowhere/chromium' })).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('BROWSER TESTS SKIPPED: no Chromium at /nowhere/chromium'),
    );
  });

  it('fails instead of skipping on CI', () => {
    expect(() => chromiumOrSkip('Programs page', { CHROMIUM_PATH: '/nowhere/chromium', CI: 'true' })).toThrow(
      /no Chromium at \/nowhere\/chromium/,
    );
  });
});
