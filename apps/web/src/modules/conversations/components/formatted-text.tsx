import { useMemo, type ReactNode } from 'react';
import { ExternalLink } from '../../ui/components/external-link.js';
import { parseWhatsAppFormatting, type FormatNode } from '../utils/whatsapp-format.js';

export type FormattedTextProps = {
  /** Customer- or agent-written text; rendered as text nodes only. */
  text: string;
};

/** WhatsApp-formatted text as React elements: `*bold*` → <strong>, never an HTML string. */
export function FormattedText({ text }: FormattedTextProps) {
  const nodes = useMemo(() => parseWhatsAppFormatting(text), [text]);
  return <span className="formatted-text">{renderNodes(nodes)}</span>;
}

function renderNodes(nodes: FormatNode[]): ReactNode[] {
  return nodes.map((node, index) => renderNode(node, index));
}

function renderNode(node: FormatNode, key: number): ReactNode {
  switch (node.kind) {
    case 'text':
      return node.text;
    case 'bold':
      return <strong key={key}>{renderNodes(node.children)}</strong>;
    case 'italic':
      return <em key={key}>{renderNodes(node.children)}</em>;
    case 'strike':
      return <s key={key}>{renderNodes(node.children)}</s>;
    case 'code':
      return <code key={key}>{node.text}</code>;
    case 'link':
      return <ExternalLink key={key} href={node.href}>{node.text}</ExternalLink>;
  }
}
