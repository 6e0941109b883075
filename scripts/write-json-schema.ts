// Writes the topology file's JSON Schema next to the build (dist/schema/), for editors and the app.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { topologyJsonSchema } from '../shared/model/json-schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const target = join(root, 'dist', 'schema', 'otel-topology.schema.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, JSON.stringify(topologyJsonSchema(), null, 2) + '\n');
console.log(`wrote ${target}`);
