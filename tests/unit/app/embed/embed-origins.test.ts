// EMBED_ORIGINS as an operator writes it, the CSP it becomes, and how the page finds its host's origin.
import { describe, expect, it } from 'vitest';
import { isOrigin, parentOrigin, parseOriginList } from '../../../../src/app/embed/embed-origins.ts';
import { frameAncestors } from '../../../../scripts/embed-plugin.ts';

describe('embed origins', () => {
  it('reads a comma-separated list, tolerating spaces, a trailing slash and repeats', () => {
    expect(parseOriginList(' https://example.com/ ,http://localhost:8080,, https://example.com')).toEqual(['https://example.com', 'http://localhost:8080']);
    expect(parseOriginList('')).toEqual([]);
  });

  it.each([
    '*',
    'example.com',
    'https://example.com/page',
    'ftp://example.com',
    "https://a.com 'unsafe-inline'",
    'https://a.com;script-src *',
    'https://a.com;x',
    'HTTPS://A.COM',
  ])('refuses %s as an origin', (entry) => {
    expect(isOrigin(entry)).toBe(false);
    expect(() => parseOriginList(`https://ok.example,${entry}`)).toThrow(/EMBED_ORIGINS/u);
  });

  it('makes frame-ancestors with the app’s own origin first, and only that when the list is empty', () => {
    expect(frameAncestors([])).toBe("frame-ancestors 'self'");
    expect(frameAncestors(['https://a.example', 'http://localhost:4180'])).toBe("frame-ancestors 'self' https://a.example http://localhost:4180");
  });

  it('takes the host’s origin from ancestorOrigins, else the referrer, else says it does not know', () => {
    expect(parentOrigin(['https://host.example'], 'https://other.example/x')).toBe('https://host.example');
    expect(parentOrigin(undefined, 'https://host.example/page?q=1')).toBe('https://host.example');
    expect(parentOrigin([], '')).toBeNull();
    expect(parentOrigin(undefined, 'not a url')).toBeNull();
  });
});
