/**
 * The scenarios of `npm run bench` and the figures each prints, for `--only`: a name selects its
 * scenario whether it names the scenario or one of its figures. Pure, so it is unit-tested.
 */
/** Scenarios in the order they run (the list seeds 100k conversations, so it goes last). */
export const SCENARIOS = ['throughput', 'inbox_push_latency', 'conversation_list'] as const;
export type Scenario = (typeof SCENARIOS)[number];
/** Figure names that select their scenario in --only. */
export const FIGURES_OF: Record<Scenario, readonly string[]> = {
  throughput: ['webhook_ingest', 'webhook_ingest_p99', 'webhook_apply', 'webhook_intake_alone', 'send_pipeline'],
  inbox_push_latency: ['inbox_push_latency_p50', 'inbox_push_latency_p99'],
  conversation_list: ['conversation_list_p50', 'conversation_list_p99', 'conversation_list_deep_p50', 'conversation_list_deep_p99'],
};

/** The scenarios `--only` names, in run order; all of them without `--only`. */
export function selectScenarios(only: string | undefined): Scenario[] {
  if (only === undefined) return [...SCENARIOS];
  const names = only.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const unknown = names.filter((name) => !SCENARIOS.some((scenario) => scenario === name || FIGURES_OF[scenario].includes(name)));
  if (unknown.length > 0) throw new Error(`unknown scenario or figure ${unknown.join(', ')}; choose from ${SCENARIOS.join(', ')}`);
  return SCENARIOS.filter((scenario) => names.some((name) => name === scenario || FIGURES_OF[scenario].includes(name)));
}
