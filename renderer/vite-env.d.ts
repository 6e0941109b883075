/// <reference types="vite/client" />

declare module 'monaco-editor/esm/vs/editor/editor.worker.js?worker' {
  const WorkerConstructor: new () => Worker;
  export default WorkerConstructor;
}
declare module 'monaco-yaml/yaml.worker.js';
declare module 'monaco-editor/features/register.all';
declare module 'monaco-editor/languages/definitions/yaml/register';
