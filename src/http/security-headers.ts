/**
 * The security headers of every response, from this one module: the functions add them to what
 * they answer, and the build writes them for every page it makes into `dist/_headers`, which is
 * how Netlify (and its local emulation) sends headers with static files. Netlify applies
 * `_headers` to static files only, so a function's response must carry its own.
 */

/** A page of the public site, or one a function answers with (the form with errors, a confirmation). */
export type PublicKind = 'page' | 'function';

/** What the editors reach beyond their own origin, from the build's settings. */
export interface EditorOrigins {
  /** The GitHub API the editors' GitHub backend calls, e.g. `https://api.github.com`. */
  gitHubApi: string;
  /** Where the GitHub sign-in (OAuth) runs, Decap's `base_url`; Decap's default when absent. */
  authBaseUrl?: string | undefined;
  /** The local decap-server backends `npm start` runs, which Decap calls when served from localhost. */
  localBackendPorts: readonly number[];
}

/** Decap's default `base_url` for GitHub sign-in. */
const DECAP_DEFAULT_AUTH = 'https://api.netlify.com';

const directives = (entries: Record<string, readonly string[]>) =>
  Object.entries(entries)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');

/**
 * The public site and the complaint form: nothing but this site's own files, no inline script or
 * style, posts only to this site, never framed (clickjacking a complaint form).
 */
const PUBLIC_POLICY = directives({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'object-src': ["'none'"],
});

/**
 * The staff and publishers' editors (Decap CMS). Decap checks its config with ajv, which compiles
 * each schema into a function (`unsafe-eval`: Decap cannot start without it), styles itself with
 * CSS-in-JS (inline style elements), shows GitHub avatars and entry previews in a frame of its own,
 * and talks to GitHub, its sign-in service and, on a laptop, the local backends. It loads no script
 * from anywhere but this site, and is never framed by others.
 */
function editorPolicy(origins: EditorOrigins): string {
  return directives({
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-eval'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', 'https://avatars.githubusercontent.com'],
    'connect-src': [
      "'self'",
      new URL(origins.gitHubApi).origin,
      new URL(origins.authBaseUrl ?? DECAP_DEFAULT_AUTH).origin,
      ...origins.localBackendPorts.map((port) => `http://localhost:${port}`),
    ],
    'frame-src': ["'self'", 'blob:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'none'"],
    'object-src': ["'none'"],
  });
}

/** What every response carries, whatever it is. */
const COMMON: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // Older browsers that do not know `frame-ancestors`.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // No page asks for any of these; a script that got in could not either.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
};

/** The headers of a public page, or of anything a function answers. */
export function securityHeaders(kind: PublicKind): Record<string, string> {
  return {
    ...COMMON,
    'Content-Security-Policy': PUBLIC_POLICY,
    // A function's page may hold a complaint's reference in its address: no referrer takes it away.
    'Referrer-Policy': kind === 'function' ? 'no-referrer' : 'strict-origin-when-cross-origin',
  };
}

/** The headers of the editors' pages. */
export function editorSecurityHeaders(origins: EditorOrigins): Record<string, string> {
  return {
    ...COMMON,
    'Content-Security-Policy': editorPolicy(origins),
    'Referrer-Policy': 'no-referrer',
    // The editors are for staff and publishers: search engines have no business there.
    'X-Robots-Tag': 'noindex, nofollow',
  };
}

/** The editors live under `/admin/` and `/cases/`; everything else built is the public site. */
const isEditorPath = (path: string) => path.startsWith('/admin/') || path.startsWith('/cases/');

/**
 * Netlify's `_headers` file for the built pages at `paths` (site-relative, e.g. `/cqm/`): one rule
 * per page, because Netlify merges the headers of every rule a path matches, and two policies
 * merged would both be enforced.
 */
export function headersFile(paths: readonly string[], origins: EditorOrigins): string {
  return paths
    .map((path) => {
      const headers = isEditorPath(path) ? editorSecurityHeaders(origins) : securityHeaders('page');
      return [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
    })
    .join('\n\n')
    .concat('\n');
}
