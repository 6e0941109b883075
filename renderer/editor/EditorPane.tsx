/**
 * The text side: a tab with the topology as YAML, a tab with the files generated for the selected
 * collector or cluster. Their editors are Monaco (several MB of script, editors.tsx), loaded when a
 * document first needs one — or ahead of it, when the start screen has been open a while
 * (`preloadEditors`) — so the app starts without parsing it.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { appStore, useApp, whenCanvasIdle } from '../app/app-store.js';

const loadEditors = () => import('./editors.js');
const TopologyEditor = lazy(() => loadEditors().then((module) => ({ default: module.TopologyEditor })));
const GeneratedFiles = lazy(() => loadEditors().then((module) => ({ default: module.GeneratedFiles })));

/** Starts loading the editors before a document needs them. */
export function preloadEditors(): void {
  void loadEditors();
}

const loading = <p className="muted editor-loading">Loading the editor…</p>;

export function EditorPane({ hidden = false }: { hidden?: boolean }) {
  const tab = useApp((state) => state.editorTab);
  // The topology's editor is made once the canvas has drawn the document and the page is idle: a
  // large topology shows first (Monaco measuring its box would make the browser lay out the
  // thousand nodes again meanwhile, and creating it takes a good part of a second on its own).
  const [idle, setIdle] = useState(false);
  useEffect(() => whenCanvasIdle(() => setIdle(true)), []);
  // The generated files' editor is made the first time its tab shows, not with every document opened.
  const [generatedShown, setGeneratedShown] = useState(tab === 'generated');
  useEffect(() => {
    if (tab === 'generated') setGeneratedShown(true);
  }, [tab]);
  return (
    <section className="editor-pane" aria-label="Editor" hidden={hidden}>
      <div role="tablist" aria-label="Editor tabs" className="tabs">
        <button role="tab" id="tab-topology" aria-controls="panel-topology" aria-selected={tab === 'topology'} onClick={() => appStore.getState().setEditorTab('topology')}>
          Topology YAML
        </button>
        <button role="tab" id="tab-generated" aria-controls="panel-generated" aria-selected={tab === 'generated'} onClick={() => appStore.getState().setEditorTab('generated')}>
          Generated files
        </button>
      </div>
      <div role="tabpanel" id="panel-topology" aria-labelledby="tab-topology" hidden={tab !== 'topology'} className="tab-panel">
        {idle ? <Suspense fallback={loading}><TopologyEditor /></Suspense> : loading}
      </div>
      <div role="tabpanel" id="panel-generated" aria-labelledby="tab-generated" hidden={tab !== 'generated'} className="tab-panel">
        {generatedShown && <Suspense fallback={loading}><GeneratedFiles /></Suspense>}
      </div>
    </section>
  );
}
