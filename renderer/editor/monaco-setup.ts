/**
 * Monaco from the local bundle (never a CDN): the slim editor entry, its features, YAML
 * highlighting, and monaco-yaml with the topology's JSON Schema for completion, hover and markers.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import { topologyJsonSchema } from '../../shared/model/json-schema.js';
import { TOPOLOGY_FILE_SUFFIX } from '../../shared/io/topology-file.js';
import YamlWorker from './yaml.worker.ts?worker';

(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

loader.config({ monaco });

/** The model path of the topology being edited: the schema applies to it by file name. */
export const TOPOLOGY_MODEL_PATH = `file:///topology${TOPOLOGY_FILE_SUFFIX}`;

configureMonacoYaml(monaco as never, {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  format: { enable: false },
  schemas: [
    {
      uri: 'https://otel-topology.dev/schema/otel-topology.schema.json',
      fileMatch: [`*${TOPOLOGY_FILE_SUFFIX}`],
      schema: topologyJsonSchema() as never,
    },
  ],
});

export { monaco };
