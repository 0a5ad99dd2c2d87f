import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isAllowedRequest, isAppOrigin, isAppUrl, originOf } from '../../../src/main/origin';

/** The Electron shell's allow-lists (src/main/origin.ts), checked without Electron. */
describe('Electron shell: what counts as the app', () => {
  const dev = 'http://localhost:5173/';

  it('accepts the app:// origin, and the dev server only while developing', () => {
    expect(APP_ORIGIN).toBe('app://study');
    expect(isAppOrigin('app://study', undefined)).toBe(true);
    expect(isAppOrigin('http://localhost:5173', undefined)).toBe(false);
    expect(isAppOrigin('http://localhost:5173', dev)).toBe(true);
  });

  it.each([
    'null',
    '',
    'app://study.evil',
    'app://evil',
    'http://localhost:51730',
    'http://localhost',
    'https://localhost:5173',
    'file://',
  ])('refuses the origin %j', (origin) => {
    expect(isAppOrigin(origin, dev)).toBe(false);
  });

  it.each([
    ['app://study/index.html#/library', true],
    ['app://study/assets/x.js?v=1', true],
    ['app://study@evil.example/', false],
    ['https://example.com/', false],
    ['http://localhost:5173.evil.example/', false],
    ['http://localhost:51730/', false],
    ['http://localhost:5173@evil.example/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['about:blank', false],
    ['not a url', false],
  ])('navigation to %s: %s', (url, allowed) => {
    expect(isAppUrl(url, dev)).toBe(allowed);
  });

  it.each([
    ['app://study/assets/app.js', true],
    ['data:image/png;base64,iVBORw0KGgo=', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['https://example.com/pixel.png', false],
    ['http://127.0.0.1:5178/api/app.info', false],
    ['ws://localhost:5173/', false],
    ['file:///home/user/.ssh/id_rsa', false],
    ['ftp://example.com/', false],
    ['blob:app://study/1234', false],
  ])('the session lets the request %s through: %s', (url, allowed) => {
    expect(isAllowedRequest(url, undefined)).toBe(allowed);
  });

  it('lets the dev server and its hot-reload socket through while developing only', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/?token=x', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5174/', dev)).toBe(false);
    expect(isAllowedRequest('wss://localhost:5173/', dev)).toBe(false);
    expect(isAllowedRequest('ws://localhost:5173/', undefined)).toBe(false);
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', undefined)).toBe(false);
  });

  it('never throws on garbage', () => {
    expect(originOf('::::')).toBeNull();
    expect(isAppUrl('%', dev)).toBe(false);
    expect(isAllowedRequest('', undefined)).toBe(false);
  });
});
