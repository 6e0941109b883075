import { describe, expect, it } from 'vitest';
import { generate } from '../../shared/engine/generate.js';
import { agentToGateway } from '../../shared/testing/builders.js';
import { filesForSelection, regionsOf } from './generated-files.js';

describe('generated files for the selection', () => {
  const topology = agentToGateway();
  const { files } = generate(topology);

  it('GIVEN a collector THEN its files, its config first', () => {
    const shown = filesForSelection(files, 'gateway', topology);
    expect(shown[0]?.path).toBe('configs/gateway.yaml');
    expect(shown.every((file) => file.collectorId === 'gateway')).toBe(true);
  });

  it("GIVEN a flow THEN the sender's files, and the flow's lines in its config", () => {
    const shown = filesForSelection(files, 'agent-to-gateway', topology);
    expect(shown[0]?.path).toBe('configs/agent.yaml');
    expect(regionsOf(shown[0]!, 'agent-to-gateway').length).toBeGreaterThan(0);
  });

  it('GIVEN a cluster THEN its folder; GIVEN nothing THEN everything', () => {
    expect(filesForSelection(files, 'eks-prod', topology).every((file) => file.clusterId === 'eks-prod')).toBe(true);
    expect(filesForSelection(files, undefined, topology)).toHaveLength(files.length);
  });

  it("GIVEN a collector THEN its own components' lines, not those of its flows", () => {
    const config = files.find((file) => file.path === 'configs/gateway.yaml')!;
    const own = regionsOf(config, 'gateway');
    const flow = regionsOf(config, 'gateway-to-debug');
    expect(own.map((region) => region.path[0])).toContain('receivers');
    expect(flow.length).toBeGreaterThan(0);
    expect(own.some((region) => flow.some((other) => region.startLine === other.startLine))).toBe(false);
  });
});
