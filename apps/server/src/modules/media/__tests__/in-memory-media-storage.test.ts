import { InMemoryMediaStorage } from '../in-memory-media-storage.js';
import { defineMediaStorageContractTests } from './media-storage.contract.js';

defineMediaStorageContractTests('in-memory', () => new InMemoryMediaStorage());
