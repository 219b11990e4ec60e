import { InProcessEventBus } from '../in-process-event-bus.js';
import { defineEventBusContractTests } from './event-bus.contract.js';

defineEventBusContractTests('in-process', async () => ({
  open: async (logger) => new InProcessEventBus(logger),
  dispose: async () => undefined,
}), { crossProcess: false });
