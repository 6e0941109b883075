/** The folder's kustomization: every manifest, in the order `kubectl apply -k` should create them. */
export function kustomizationObject(resources: readonly string[]): Record<string, unknown> {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: [...resources],
  };
}
