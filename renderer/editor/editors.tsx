/**
 * The editors of the text side, on Monaco (loaded with this module, apart from the rest of the app:
 * EditorPane.tsx): the topology as YAML (schema completion, hover and markers; every change read
 * back into the model) and, read-only, the files generated for the selected collector or cluster.
 */
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { appStore, useApp } from '../app/app-store.js';
import { filesForSelection, regionsOf } from './generated-files.js';
import { monaco, TOPOLOGY_MODEL_PATH } from './monaco-setup.js';

type CodeEditor = Parameters<OnMount>[0];

// For e2e tests and debugging: the editor models and markers.
(globalThis as { __otelMonaco?: unknown }).__otelMonaco = monaco;

const EDITOR_OPTIONS = {
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  scrollBeyondLastLine: false,
  tabSize: 2,
  insertSpaces: true,
  renderWhitespace: 'selection',
} as const;

export function TopologyEditor() {
  const theme = useApp((state) => state.theme);
  const editorRef = useRef<CodeEditor | null>(null);
  const decorations = useRef<{ clear(): void } | null>(null);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    const sync = () => {
      const { document, reveal } = appStore.getState();
      const model = editor.getModel();
      if (!model) return;
      if (model.getValue() !== document.text) {
        // An edit (not setValue) keeps Monaco's own undo stack and the cursor.
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: document.text }], () => null);
      }
      monaco.editor.setModelMarkers(
        model,
        'topology',
        document.problems.map((problem) => {
          const line = Math.min(problem.line ?? 1, model.getLineCount());
          const column = problem.column ?? 1;
          return {
            severity: monaco.MarkerSeverity.Error,
            message: problem.message,
            startLineNumber: line,
            startColumn: column,
            endLineNumber: line,
            endColumn: Math.max(column + 1, model.getLineMaxColumn(line)),
          };
        }),
      );
      return reveal;
    };
    sync();
    let lastReveal = appStore.getState().reveal?.nonce;
    const unsubscribe = appStore.subscribe((state, previous) => {
      if (state.document !== previous.document) sync();
      if (state.reveal && state.reveal.nonce !== lastReveal) {
        lastReveal = state.reveal.nonce;
        const { line, column } = state.reveal;
        editor.revealLineInCenter(line);
        editor.setPosition({ lineNumber: line, column });
        decorations.current?.clear();
        decorations.current = editor.createDecorationsCollection([
          { range: new monaco.Range(line, 1, line, 1), options: { isWholeLine: true, className: 'revealed-line' } },
        ]);
      }
    });
    // One undo history for the whole app: in the editor, the undo keys step through it (typing,
    // canvas and inspector changes alike) instead of through Monaco's own stack, whose undo would
    // come back as one more edit.
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, () => appStore.getState().undo());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, () => appStore.getState().redo());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, () => appStore.getState().redo());
    editor.onDidChangeModelContent(() => {
      const text = editor.getValue();
      if (text !== appStore.getState().document.text) appStore.getState().editText(text);
    });
    editor.onDidDispose(unsubscribe);
  };

  return (
    <div className="nokey editor-host" aria-label="Topology YAML editor" role="region">
      <Editor
        path={TOPOLOGY_MODEL_PATH}
        language="yaml"
        defaultValue={appStore.getState().document.text}
        theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        options={EDITOR_OPTIONS}
        onMount={onMount}
        loading="Loading the editor…"
      />
    </div>
  );
}

export function GeneratedFiles() {
  const theme = useApp((state) => state.theme);
  const bundle = useApp((state) => state.bundle);
  const topology = useApp((state) => state.document.topology);
  const selection = useApp((state) => state.selection);
  const selected = selection[0];
  const files = useMemo(
    () =>
      filesForSelection(bundle?.files ?? [], selected, topology),
    [bundle, selected, topology],
  );
  const [chosen, setChosen] = useState<string | undefined>();
  useEffect(() => setChosen(undefined), [selected]);
  const file = files.find((candidate) => candidate.path === chosen) ?? files[0];
  const editorRef = useRef<CodeEditor | null>(null);
  const decorations = useRef<{ clear(): void } | null>(null);

  // Show the lines that come from the selected element.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !file) return;
    decorations.current?.clear();
    const regions = regionsOf(file, selected);
    if (regions.length > 0) {
      decorations.current = editor.createDecorationsCollection(
        regions.map((region) => ({ range: new monaco.Range(region.startLine, 1, region.endLine, 1), options: { isWholeLine: true, className: 'region-line' } })),
      );
      editor.revealLinesInCenterIfOutsideViewport(regions[0]!.startLine, regions[0]!.endLine);
    }
  }, [file, selected]);

  return (
    <div className="generated-files">
      <div className="generated-header">
        <label>
          <span className="visually-hidden">Generated file</span>
          <select aria-label="Generated file" value={file?.path ?? ''} onChange={(event) => setChosen(event.target.value)}>
            {files.map((candidate) => <option key={candidate.path} value={candidate.path}>{candidate.path}</option>)}
          </select>
        </label>
        <span className="muted">{files.length} files{selected ? ` for ${selected}` : ''} · read-only</span>
      </div>
      <div className="nokey editor-host" role="region" aria-label="Generated file content">
        <Editor
          path={`file:///generated/${file?.path ?? 'none.yaml'}`}
          language={file?.path.endsWith('.md') ? 'markdown' : file?.path.endsWith('.svg') ? 'xml' : 'yaml'}
          value={file?.content ?? ''}
          theme={theme === 'dark' ? 'vs-dark' : 'vs'}
          options={{ ...EDITOR_OPTIONS, readOnly: true, domReadOnly: true }}
          onMount={(editor) => { editorRef.current = editor; }}
        />
      </div>
    </div>
  );
}
