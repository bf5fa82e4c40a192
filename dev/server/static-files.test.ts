import path from 'node:path';
import { resolveInside } from './static-files';

const root = path.resolve('/srv/build');

describe('resolveInside', () => {
  it.each([
    ['index.html', path.join(root, 'index.html')],
    ['assets/index-abc.js', path.join(root, 'assets', 'index-abc.js')],
    ['assets/a%20b.css', path.join(root, 'assets', 'a b.css')],
  ])('finds %s under the build folder', (urlPath, file) => {
    expect(resolveInside(root, urlPath)).toBe(file);
  });

  it.each([
    ['../package.json'],
    ['assets/../../secret'],
    ['%2e%2e/%2e%2e/etc/passwd'],
    ['..%2fpackage.json'],
    ['a%00b'],
    ['%E0%A4%A'],
    [''],
  ])('refuses %p, which would leave the build folder or is not a file name', (urlPath) => {
    expect(resolveInside(root, urlPath)).toBeUndefined();
  });
});
