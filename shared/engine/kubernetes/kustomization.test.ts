import { describe, expect, it } from 'vitest';
import { kustomizationObject } from './kustomization.js';

describe('kustomizationObject', () => {
  it('GIVEN files in apply order WHEN generated THEN the Kustomization lists them in that order', () => {
    expect(kustomizationObject(['namespace.yaml', 'agent-daemonset.yaml'])).toStrictEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['namespace.yaml', 'agent-daemonset.yaml'],
    });
  });
});
