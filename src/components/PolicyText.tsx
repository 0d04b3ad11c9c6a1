import type { ReactNode } from 'react';

export interface PolicyTextProps {
  /** The policy's own title, where it prints one. */
  title?: string | undefined;
  providerName: string;
  /** The policy's text, as the preview's editor renders it. */
  children?: ReactNode;
  /** The policy's text as HTML Astro has already rendered, and escaped, from its Markdown. */
  contentHtml?: string;
}

/** The policy in full, under the generated summary: on a provider's page and in the publishers' preview. */
export function PolicyText({ title, providerName, children, contentHtml }: PolicyTextProps) {
  return (
    <section className="policy" aria-labelledby="policy-text">
      <h2 id="policy-text">The policy in full{title && `: ${title}`}</h2>
      <p className="muted">
        The text of {providerName}'s policy as published. The summary above is generated from it.
      </p>
      {contentHtml === undefined ? (
        <div>{children}</div>
      ) : (
        // Astro's own rendering of the policy's Markdown, escaped by Astro, as SitePage takes a page's content.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: Astro's own output, escaped by Astro
        <div dangerouslySetInnerHTML={{ __html: contentHtml }} />
      )}
    </section>
  );
}
