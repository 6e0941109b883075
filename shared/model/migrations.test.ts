import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, type Migration } from './migrations.js';
import { CURRENT_SCHEMA_VERSION } from './topology.js';

const renameTitleToName: Migration = {
  from: 1,
  description: 'title → name',
  migrate: ({ title, ...rest }) => ({ ...rest, name: title }),
};

describe('migrate', () => {
  it('GIVEN the shipped list THEN it has one step per version below the current one', () => {
    expect(MIGRATIONS.map((migration) => migration.from)).toStrictEqual(
      Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, index) => index + 1),
    );
  });

  it('GIVEN an older document WHEN migrated THEN each step runs in order and the version is bumped', () => {
    const result = migrate({ schemaVersion: 1, title: 'old' }, [renameTitleToName], 2);
    expect(result).toStrictEqual({ ok: true, document: { schemaVersion: 2, name: 'old' }, migratedFrom: 1 });
  });

  it('GIVEN a current document WHEN migrated THEN it is returned as it is', () => {
    expect(migrate({ schemaVersion: 2, name: 'n' }, [renameTitleToName], 2)).toStrictEqual({ ok: true, document: { schemaVersion: 2, name: 'n' } });
  });

  it.each([
    [{ name: 'x' }, /missing/],
    [{ schemaVersion: '1' }, /positive integer/],
    [{ schemaVersion: 3 }, /newer version/],
  ])('GIVEN %j WHEN migrated THEN says why not', (document, message) => {
    const result = migrate(document, [renameTitleToName], 2);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it('GIVEN a gap in the list WHEN migrating across it THEN fails instead of guessing', () => {
    expect(migrate({ schemaVersion: 1 }, [], 2)).toStrictEqual({ ok: false, message: 'no migration from schemaVersion 1' });
  });
});
