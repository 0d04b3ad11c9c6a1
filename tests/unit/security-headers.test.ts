import { describe, expect, it } from 'vitest';
import { editorSecurityHeaders, headersFile, securityHeaders } from '../../src/http/security-headers.ts';

const origins = {
  gitHubApi: 'https://github.example.org/api/v3',
  authBaseUrl: 'https://auth.example.org/login',
  localBackendPorts: [8081, 8082],
};

describe('security headers', () => {
  it('allow the public site nothing but its own files: no inline script or style, no framing', () => {
    const policy = securityHeaders('page')['Content-Security-Policy'];
    expect(policy).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
    );
  });

  it('send no referrer from what a function answers, whose address may hold a reference', () => {
    expect(securityHeaders('function')['Referrer-Policy']).toBe('no-referrer');
    expect(securityHeaders('page')['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });

  it('let the editors reach GitHub, their sign-in and the local backends, and keep them out of search', () => {
    const headers = editorSecurityHeaders(origins);
    expect(headers['Content-Security-Policy']).toContain(
      "connect-src 'self' https://github.example.org https://auth.example.org http://localhost:8081 http://localhost:8082",
    );
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(headers['X-Robots-Tag']).toBe('noindex, nofollow');
  });

  it("sign the editors in through Decap's default service when no other is set", () => {
    const { authBaseUrl: _, ...withoutAuth } = origins;
    expect(editorSecurityHeaders(withoutAuth)['Content-Security-Policy']).toContain(
      'https://api.netlify.com',
    );
  });

  it('give each built page one rule in _headers, so no page gets two policies', () => {
    const file = headersFile(['/', '/cqm/', '/cases/cqm/'], origins);
    const rules = file.trim().split('\n\n');
    expect(rules.map((rule) => rule.split('\n')[0])).toEqual(['/', '/cqm/', '/cases/cqm/']);
    for (const rule of rules) expect(rule.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(rules[1]).toContain("style-src 'self';");
    expect(rules[2]).toContain("style-src 'self' 'unsafe-inline'");
    expect(rules[2]).toContain('  X-Robots-Tag: noindex, nofollow');
  });
});
