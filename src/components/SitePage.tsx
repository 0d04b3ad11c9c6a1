import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ASSETS } from './assets.ts';

/**
 * Every public page as one document: head, skip link, header, breadcrumbs, main and footer. The
 * Astro pages (through src/layouts/BaseLayout.astro) and the functions render it, so a page a
 * function answers with is the site's own markup. React escapes every value it is given.
 */

const SITE_NAME = 'Complaints procedures';
const NAV = [
  ['/', 'All providers'],
  ['/accessibility/', 'Accessibility'],
  ['/privacy/', 'Privacy'],
] as const;

export interface Crumb {
  href: string;
  label: string;
}

export interface SitePageProps {
  /** What the page is about; the site name is added after it. */
  title: string;
  /** One sentence for search results and link previews. */
  description?: string | undefined;
  /** The site's address, e.g. `https://complaints.example.org`. */
  site: string | URL;
  /** The page's path, for its canonical link and the current page in the navigation; none for a page made for one person. */
  path?: string | undefined;
  /** The pages above this one, from the home page down. */
  breadcrumbs?: readonly Crumb[] | undefined;
  /** Stylesheets beyond the site's own. */
  stylesheets?: readonly string[];
  /** A module script the page is enhanced with. */
  script?: string;
  children?: ReactNode;
  /** The main content as HTML Astro has already rendered, escaped, from a page's own template. */
  contentHtml?: string;
  /**
   * One person's page (a status page, a page reached by a signed link): kept out of search
   * engines, and its address, which may hold a token, never sent on to another site as a referrer.
   */
  private?: boolean;
}

function Breadcrumbs({ trail }: { trail: readonly Crumb[] }) {
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        {trail.map((item) => (
          <li key={item.href}>
            <a href={item.href}>{item.label}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function SitePage(props: SitePageProps) {
  const { path, breadcrumbs, contentHtml } = props;
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – ${SITE_NAME}`}</title>
        {props.description === undefined ? null : <meta name="description" content={props.description} />}
        {path === undefined ? null : <link rel="canonical" href={new URL(path, props.site).href} />}
        {props.private === true ? <meta name="robots" content="noindex, nofollow" /> : null}
        {props.private === true ? <meta name="referrer" content="no-referrer" /> : null}
        {[ASSETS.siteCss.path, ...(props.stylesheets ?? [])].map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        {props.script === undefined ? null : <script type="module" src={props.script} />}
      </head>
      <body>
        {/* First focusable element, so keyboard and switch users can jump past the header (WCAG 2.4.1). */}
        <a className="skip-link" href="#main-content">
          Skip to main content
        </a>
        <header className="site-header">
          <div className="width">
            <a className="site-name" href="/">
              {SITE_NAME}
            </a>
            <nav aria-label="Site">
              <ul className="nav-list">
                {NAV.map(([href, label]) => (
                  <li key={href}>
                    <a href={href} aria-current={path === href ? 'page' : undefined}>
                      {label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        {/* Breadcrumbs come before main, as in GOV.UK's template, so the skip link passes them too. */}
        <div className="width">
          {breadcrumbs === undefined ? null : <Breadcrumbs trail={breadcrumbs} />}
          {contentHtml === undefined ? (
            <main id="main-content">{props.children}</main>
          ) : (
            // The one unescaped insertion: HTML Astro has already rendered, and escaped, from a page template.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: Astro's own output, escaped by Astro
            <main id="main-content" dangerouslySetInnerHTML={{ __html: contentHtml }} />
          )}
        </div>
        <footer className="site-footer">
          <div className="width">
            <nav aria-label="Footer">
              <ul className="footer-list">
                <li>
                  <a href="/accessibility/">Accessibility statement</a>
                </li>
                <li>
                  <a href="/privacy/">Privacy notice</a>
                </li>
              </ul>
            </nav>
            <p>
              Redress is open-source software for publishing complaints procedures and handling complaints.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A whole page as HTML, starting with its doctype. */
export function renderSitePage(props: SitePageProps): string {
  return `<!doctype html>${renderToStaticMarkup(<SitePage {...props} />)}`;
}
