import type { ReactNode } from 'react';
import { safeHttpUrl } from '../utils/safe-url.js';

export type ExternalLinkProps = {
  href: string;
  children: ReactNode;
};

/**
 * A link out of the app: new tab, no referrer, no opener, no SEO credit to customer-sent URLs.
 * Anything but http(s) (`javascript:`, `data:`) is shown as plain text instead of a link.
 */
export function ExternalLink({ href, children }: ExternalLinkProps) {
  const safe = safeHttpUrl(href);
  if (safe === undefined) return <span>{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}
