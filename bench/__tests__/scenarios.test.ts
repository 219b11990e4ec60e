import { describe, expect, it } from 'vitest';
import { SCENARIOS, selectScenarios } from '../lib/scenarios.js';

describe('selectScenarios (--only)', () => {
  it('runs every scenario without --only, in run order', () => {
    expect(selectScenarios(undefined)).toEqual([...SCENARIOS]);
  });

  it('selects by scenario or figure name, keeps run order, ignores blanks', () => {
    expect(selectScenarios('conversation_list, inbox_push_latency')).toEqual(['inbox_push_latency', 'conversation_list']);
    expect(selectScenarios('webhook_ingest_p99')).toEqual(['throughput']);
    expect(selectScenarios('conversation_list_deep_p99,,send_pipeline')).toEqual(['throughput', 'conversation_list']);
  });

  it('refuses an unknown name instead of running nothing', () => {
    expect(() => selectScenarios('inbox_push')).toThrow(/unknown scenario or figure inbox_push/);
  });
});
