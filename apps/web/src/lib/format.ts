/**
 * Dates, durations and sizes in the user's language, all through `Intl` (no hand-made month names).
 * `locale` is a BCP 47 tag ('de', 'en'); `now` is passed in so rendering stays pure and testable.
 */

const DAY_MS = 86_400_000;

function parse(iso: string): Date | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** 14:05 */
export function formatTime(iso: string, locale: string): string {
  const date = parse(iso);
  return date ? new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date) : '';
}

/** 3. März 2025, 14:05: the full moment, for tooltips. */
export function formatDateTime(iso: string, locale: string): string {
  const date = parse(iso);
  return date ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date) : '';
}

/** In a conversation list: the time today, the weekday within a week, else the date. */
export function formatListTimestamp(iso: string, now: Date, locale: string): string {
  const date = parse(iso);
  if (!date) return '';
  const days = Math.round((startOfDay(now) - startOfDay(date)) / DAY_MS);
  if (days <= 0) return formatTime(iso, locale);
  if (days < 7) return new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(date);
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: '2-digit' }).format(date);
}

/** A day separator in the chat: "heute", "gestern", else the long date. */
export function formatDayHeading(iso: string, now: Date, locale: string): string {
  const date = parse(iso);
  if (!date) return '';
  const days = Math.round((startOfDay(now) - startOfDay(date)) / DAY_MS);
  if (days >= 0 && days <= 1) {
    const text = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-days, 'day');
    return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full' }).format(date);
}

/** The local calendar day of an instant, to group messages under day headings. */
export function dayKey(iso: string): string {
  const date = parse(iso);
  return date ? `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}` : '';
}

/** Remaining time as h:mm:ss (23:59:59 at most for the 24-hour window); 0:00:00 once past. */
export function formatCountdown(remainingMs: number): string {
  const total = Math.max(0, Math.floor(remainingMs / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** 1,5 MB / 1.5 MB */
export function formatFileSize(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** Milliseconds until `iso`, negative once past; NaN-safe (unknown → -Infinity). */
export function msUntil(iso: string | null, now: Date): number {
  const date = iso === null ? undefined : parse(iso);
  return date ? date.getTime() - now.getTime() : Number.NEGATIVE_INFINITY;
}
