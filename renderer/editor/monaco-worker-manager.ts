/**
 * Stand-in for the `monaco-worker-manager` package (aliased in vite.web.config.ts), with the same
 * `createWorkerManager(monaco, { label, createData })` API. monaco-editor >= 0.56 creates web
 * workers from a `Worker` (`createWebWorker({ worker })`) instead of a module id; without this,
 * monaco-yaml's completion and validation fail with "Missing requestHandler or method".
 */

interface SyncedWorker<T> {
  withSyncedResources(resources: unknown[]): Promise<T>;
  dispose(): void;
}

interface MonacoLike {
  editor: { createWebWorker<T>(options: { worker: Worker }): SyncedWorker<T> };
}

interface Options<C> {
  label: string;
  createData?: C;
  moduleId?: string;
  interval?: number;
  stopWhenIdleFor?: number;
}

export function createWorkerManager<T, C = unknown>(monaco: MonacoLike, options: Options<C>) {
  let { createData } = options;
  const { label, interval = 30_000, stopWhenIdleFor = 120_000 } = options;
  let worker: SyncedWorker<T> | undefined;
  let lastUsed = 0;
  let disposed = false;
  const stop = () => {
    worker?.dispose();
    worker = undefined;
  };
  const timer = setInterval(() => {
    if (worker && Date.now() - lastUsed > stopWhenIdleFor) stop();
  }, interval);
  return {
    dispose() {
      disposed = true;
      clearInterval(timer);
      stop();
    },
    getWorker(...resources: unknown[]): Promise<T> {
      if (disposed) throw new Error('Worker manager has been disposed');
      lastUsed = Date.now();
      if (!worker) {
        const environment = (globalThis as { MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker } }).MonacoEnvironment;
        if (!environment) throw new Error('MonacoEnvironment.getWorker is not set');
        const raw = environment.getWorker('', label);
        // monaco-worker-manager/worker initialises on its first message and reads createData from the second.
        raw.postMessage('ignore');
        raw.postMessage(createData);
        worker = monaco.editor.createWebWorker<T>({ worker: raw });
      }
      return worker.withSyncedResources(resources);
    },
    updateCreateData(next: C) {
      createData = next;
      stop();
    },
  };
}
