import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialect, type TestDatabase } from '../../../../test/helpers/test-database.js';
import { toDbTime } from '../../../db/column-types.js';
import { listContacts, upsertContact } from '../contacts.repository.js';

/** `GET /api/v1/contacts?search=` folds accents and case like the inbox search (ADR 0012). */
describe(`contacts search (${testDialect()})`, () => {
  let database: TestDatabase;
  const names = ['Jörg Grüßer', 'ÖZDEMİR Ayşe', 'Erika Mustermann', 'Søren Straße'];

  beforeAll(async () => {
    database = await createTestDatabase();
    const at = toDbTime(new Date());
    for (const tenant of ['t-search', 't-other']) {
      await database.db.insertInto('tenants').values({ id: tenant, name: tenant, slug: tenant, created_at: at, updated_at: at }).execute();
    }
    for (const [i, name] of names.entries()) {
      await upsertContact(database.db, { tenantId: 't-search', waId: `4915100000${10 + i}`, profileName: name, now: new Date() });
    }
    await upsertContact(database.db, { tenantId: 't-search', waId: '4930123456', now: new Date() });
    await upsertContact(database.db, { tenantId: 't-other', waId: '4915100000099', profileName: 'Jörg Anderswo', now: new Date() });
  });
  afterAll(async () => database.destroy());

  const found = async (search: string) =>
    (await listContacts(database.db, { tenantId: 't-search', limit: 50, search })).map((c) => c.profileName ?? c.waId).sort();

  it('folds accents, case and ß, in both German spellings', async () => {
    expect(await found('jorg')).toEqual(['Jörg Grüßer']);
    expect(await found('GRUESSER')).toEqual(['Jörg Grüßer']);
    expect(await found('grüßer jörg')).toEqual(['Jörg Grüßer']);
    expect(await found('ozdemir ayse')).toEqual(['ÖZDEMİR Ayşe']);
    expect(await found('strasse')).toEqual(['Søren Straße']);
    expect(await found('soren')).toEqual(['Søren Straße']);
  });

  it('matches a number typed with separators as one number, and needs every word', async () => {
    expect(await found('30123')).toEqual(['4930123456']);
    expect(await found('+49 151 00000-12')).toEqual(['Erika Mustermann']);
    expect(await found('+49 (30) 123456')).toEqual(['4930123456']);
    expect(await found('erika 491510000012')).toEqual(['Erika Mustermann']);
    expect(await found('erika jorg')).toEqual([]);
  });

  it('treats wildcards and quotes as separators; a search without words is an empty box', async () => {
    expect(await found('%')).toHaveLength(names.length + 1);
    expect(await found("_'\"")).toHaveLength(names.length + 1);
    expect(await found('%erika%')).toEqual(['Erika Mustermann']);
  });

  it('never shows another tenant\'s contacts', async () => {
    expect(await found('anderswo')).toEqual([]);
  });
});
