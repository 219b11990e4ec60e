import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configLeaves } from '../config-leaves.js';
import { renderConfigDocs, withReadmeConfigTable } from '../render-config-docs.js';

const DOC = fileURLToPath(new URL('../../../../../docs/configuration.md', import.meta.url));
const README = fileURLToPath(new URL('../../../../../README.md', import.meta.url));

describe('docs/configuration.md', () => {
  it('is exactly what the schema generates (run `npm run docs:config` after changing the schema)', () => {
    expect(readFileSync(DOC, 'utf8')).toBe(renderConfigDocs());
  });

  it("README's configuration table is the generated one", () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toBe(withReadmeConfigTable(readme));
  });

  it('documents every key with an env name and a description', () => {
    const leaves = configLeaves();
    expect(new Set(leaves.map((l) => l.env)).size).toBe(leaves.length);
    for (const leaf of leaves) {
      expect(leaf.env).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(leaf.description.length).toBeGreaterThan(10);
      expect(renderConfigDocs()).toContain(`| \`${leaf.env}\` |`);
    }
  });
});
