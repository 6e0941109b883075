import { CURRENT_SCHEMA_VERSION } from './topology.js';

/** Rewrites a saved document of `from` into the shape of `from + 1`. */
export interface Migration {
  readonly from: number;
  readonly description: string;
  migrate(document: Record<string, unknown>): Record<string, unknown>;
}

/**
 * The ordered list of migrations, one per schema version step. Version 1 is the first saved
 * format, so the list is empty; a change to the format adds `{ from: 1, ... }` and bumps
 * CURRENT_SCHEMA_VERSION.
 */
export const MIGRATIONS: readonly Migration[] = [];

export type MigrationResult =
  | { ok: true; document: Record<string, unknown>; migratedFrom?: number }
  | { ok: false; message: string };

export function migrate(
  document: Record<string, unknown>,
  migrations: readonly Migration[] = MIGRATIONS,
  currentVersion: number = CURRENT_SCHEMA_VERSION,
): MigrationResult {
  const version = document.schemaVersion;
  if (version === undefined) {
    return { ok: false, message: `schemaVersion is missing: a topology file starts with "schemaVersion: ${currentVersion}"` };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: `schemaVersion must be a positive integer, not ${JSON.stringify(version)}` };
  }
  if (version > currentVersion) {
    return {
      ok: false,
      message: `this file has schemaVersion ${version}, made by a newer version of OTel Topology Designer (this one reads up to ${currentVersion}); update the app to open it`,
    };
  }
  let migrated = document;
  for (let from = version; from < currentVersion; from++) {
    const step = migrations.find((migration) => migration.from === from);
    if (!step) return { ok: false, message: `no migration from schemaVersion ${from}` };
    migrated = { ...step.migrate(migrated), schemaVersion: from + 1 };
  }
  return version === currentVersion ? { ok: true, document: migrated } : { ok: true, document: migrated, migratedFrom: version };
}
