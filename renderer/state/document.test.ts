import { describe, expect, it } from 'vitest';
import { addElement, updateElement } from '../model/commands.js';
import { paletteItem } from '../model/palette.js';
import { changeDocument, EMPTY_DOCUMENT, readDocument } from './document.js';
import { editScalar } from './scalar-edit.js';
import { loadTopology } from '../../shared/io/topology-file.js';

const TEXT = `# keep this comment
schemaVersion: 1
name: demo
elements:
  - kind: site # the only site
    id: aws-use1
    provider: aws
    region: us-east-1
  - kind: cluster
    id: eks
    site: aws-use1
    platform: eks
  - kind: collector
    id: gateway
    cluster: eks
    role: gateway
    replicas: 2
`;

describe('document', () => {
  it('GIVEN valid text THEN the model is read; GIVEN broken text THEN the last model stays with problems', () => {
    const valid = readDocument(EMPTY_DOCUMENT, TEXT);
    expect(valid.problems).toStrictEqual([]);
    expect(valid.topology?.elements).toHaveLength(3);
    const broken = readDocument(valid, `${TEXT}  - kind: [\n`);
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(broken.problems[0]!.line).toBeGreaterThan(0);
    expect(broken.topology).toBe(valid.topology);
  });

  it.each([
    { name: 'the fast reader reads', text: TEXT },
    { name: 'the fast reader declines (an anchor)', text: TEXT.replace('region: us-east-1', 'region: &region us-east-1') },
  ])('GIVEN a file $name WHEN opened THEN model, data and YAML document are what the full read gives', ({ text }) => {
    const read = readDocument(EMPTY_DOCUMENT, text);
    const full = loadTopology(text);
    expect(full.ok).toBe(true);
    if (!full.ok) return;
    expect(read.topology).toStrictEqual(full.topology);
    expect(read.written()).toStrictEqual(full.parsed.document.toJS());
    expect(String(read.parsed!.document)).toBe(String(full.parsed.document));
  });

  it('GIVEN a model change THEN the text keeps comments and key order, and the new model is read back', () => {
    const document = readDocument(EMPTY_DOCUMENT, TEXT);
    const result = changeDocument(document, (topology) => {
      const outcome = updateElement(topology, 'gateway', { replicas: 4 });
      if (!outcome.ok) throw new Error(outcome.error);
      return outcome.topology;
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.document.text).toBe(TEXT.replace('replicas: 2', 'replicas: 4'));
    expect(result.document.topology?.elements[2]).toMatchObject({ replicas: 4, mode: 'auto' });
  });

  it('GIVEN an added element THEN it is appended in its short form, with its placement', () => {
    const document = readDocument(EMPTY_DOCUMENT, TEXT);
    const result = changeDocument(document, (topology) => {
      const outcome = addElement(topology, paletteItem('collector:agent')!, { clusterId: 'eks', position: { x: 20, y: 40 } });
      if (!outcome.ok) throw new Error(outcome.error);
      return outcome.topology;
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.document.text).toContain('  - kind: collector\n    id: agent\n    cluster: eks\n    role: agent\n');
    expect(result.document.text).toContain('layout:\n  agent:\n    x: 20\n    y: 40\n');
    expect(result.document.text.startsWith('# keep this comment\n')).toBe(true);
    expect(result.document.problems).toStrictEqual([]);
  });

  it('GIVEN text with problems WHEN a model change is asked THEN it is refused (the typed text is not lost)', () => {
    const broken = readDocument(readDocument(EMPTY_DOCUMENT, TEXT), 'name: [');
    const result = changeDocument(broken, (topology) => topology);
    expect(result.ok).toBe(false);
  });
});

describe('edits inside one scalar', () => {
  const valid = readDocument(EMPTY_DOCUMENT, TEXT);

  it.each([
    ['a replica count', 'replicas: 2', 'replicas: 12'],
    ['a word', 'region: us-east-1', 'region: eu-west-3'],
  ])('GIVEN %s changed THEN it is read in place, as a full parse reads it', (_name, from, to) => {
    const text = TEXT.replace(from, to);
    const edited = readDocument(valid, text);
    const full = readDocument(EMPTY_DOCUMENT, text);
    expect(edited.scalars && editScalar(valid.scalars!(), TEXT, text)).toBeTruthy();
    expect(edited.topology).toStrictEqual(full.topology);
    expect(edited.parsed?.text).toBe(text);
    expect(String(edited.parsed?.document)).toBe(String(full.parsed?.document));
  });

  it.each([
    ['a comment added', 'replicas: 2', 'replicas: 2 # two'],
    ['a quoted string', 'region: us-east-1', 'region: "us-east-1"'],
    ['a number becoming a word', 'replicas: 2', 'replicas: two'],
    ['a word becoming a boolean', 'region: us-east-1', 'region: true'],
    ['a key', 'replicas: 2', 'replica: 2'],
  ])('GIVEN %s THEN the whole text is parsed again', (_name, from, to) => {
    const text = TEXT.replace(from, to);
    expect(editScalar(valid.scalars!(), TEXT, text)).toBeUndefined();
    const edited = readDocument(valid, text);
    const full = readDocument(EMPTY_DOCUMENT, text);
    expect(edited.topology).toStrictEqual(full.topology ?? valid.topology);
    expect(edited.problems).toStrictEqual(full.problems);
  });
});
