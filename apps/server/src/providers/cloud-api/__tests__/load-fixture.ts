import { readdirSync, readFileSync } from 'node:fs';

const FIXTURES = new URL('./fixtures/', import.meta.url);

/** Recorded Cloud API payloads copied from shared/cloud-api/payloads (see SOURCES.md there). */
export function loadFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as Record<string, unknown>;
}

export function fixtureNames(prefix: string): string[] {
  return readdirSync(FIXTURES).filter((f) => f.startsWith(prefix) && f.endsWith('.json')).sort();
}
