/** The palette: what can be dragged onto the canvas, searchable, by category. */
import { useState, type DragEvent } from 'react';
import { canvasActions } from '../canvas/palette-drop.js';
import { PALETTE_CATEGORIES, PALETTE_MIME, searchPalette, type PaletteItem } from '../model/palette.js';

const ICONS: Record<PaletteItem['kind'], string> = { site: '▭', cluster: '⎈', collector: '◉', backend: '⛁', controlPlane: '⚙' };

function onDragStart(event: DragEvent, item: PaletteItem) {
  event.dataTransfer.setData(PALETTE_MIME, item.id);
  event.dataTransfer.setData('text/plain', item.id);
  event.dataTransfer.effectAllowed = 'copy';
}

export function Palette() {
  const [query, setQuery] = useState('');
  const items = searchPalette(query);
  return (
    <nav className="palette" aria-label="Palette">
      <input
        type="search"
        className="palette-search"
        placeholder="Search the palette"
        aria-label="Search the palette"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {PALETTE_CATEGORIES.map((category) => {
        const inCategory = items.filter((item) => item.category === category);
        if (inCategory.length === 0) return null;
        return (
          <section key={category} className="palette-category" aria-label={category}>
            <h3>{category}</h3>
            <ul role="list">
              {inCategory.map((item) => (
                <li
                  key={item.id}
                  className={`palette-item palette-${item.kind}`}
                  draggable
                  onDragStart={(event) => onDragStart(event, item)}
                  // From the keyboard: Tab to an item, Enter (or Space) adds it at the canvas centre.
                  tabIndex={0}
                  aria-keyshortcuts="Enter"
                  onKeyDown={(event) => {
                    if (event.key !== 'Enter' && event.key !== ' ') return;
                    event.preventDefault();
                    canvasActions.addAtCentre(item);
                  }}
                  aria-label={`${item.label}${item.parent ? ` (drop inside a ${item.parent})` : ''}`}
                  title={item.parent ? `Drag into a ${item.parent}, or press Enter to add it to the one at the canvas centre` : 'Drag onto the canvas, or press Enter to add it at the centre'}
                >
                  <span aria-hidden="true" className="palette-icon">{ICONS[item.kind]}</span>
                  {item.label}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {items.length === 0 && <p className="muted">Nothing matches “{query}”.</p>}
    </nav>
  );
}
