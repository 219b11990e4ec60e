/** A hex colour the server accepted (#rrggbb), or a neutral grey for anything else. */
export function safeLabelColor(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color : '#8a969c';
}

/** Dark or light text on the chip, by the background's relative luminance (WCAG). */
export function labelTextColor(color: string): '#1c2326' | '#ffffff' {
  const hex = safeLabelColor(color).slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.4 ? '#1c2326' : '#ffffff';
}

/** Colours offered when creating a label. */
export const LABEL_PALETTE = ['#1f8a70', '#2b6cb0', '#c05621', '#b83280', '#6b46c1', '#c53030', '#d69e2e', '#4a5568'] as const;
