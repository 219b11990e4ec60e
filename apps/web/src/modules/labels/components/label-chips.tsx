import type { Label } from '@valeo/contracts';
import { labelTextColor, safeLabelColor } from '../utils/label-color.js';
import '../labels.css';

export type LabelChipsProps = { labels: readonly Label[]; className?: string };

/** Coloured name chips; names are rendered as text. The colour is set through the CSSOM, which the CSP allows. */
export function LabelChips({ labels, className }: LabelChipsProps) {
  if (labels.length === 0) return null;
  return (
    <span className={className === undefined ? 'label-chips' : `label-chips ${className}`}>
      {labels.map((label) => (
        <LabelChip key={label.id} label={label} />
      ))}
    </span>
  );
}

export function LabelChip({ label }: { label: Label }) {
  const background = safeLabelColor(label.color);
  return (
    <span className="label-chip" style={{ backgroundColor: background, color: labelTextColor(background) }}>
      {label.name}
    </span>
  );
}
