/** A box that takes a drag-and-drop and has a button for the file dialog (the input itself stays hidden). */
import { useRef, useState } from 'react';

export interface DropZoneProps {
  onDrop(dt: DataTransfer): void;
  onPick(files: FileList): void;
  /** Folder picker (webkitdirectory) instead of a file picker. */
  folder?: boolean;
  accept?: string;
  button: string;
  hint: string;
  testId: string;
}

export function DropZone({ onDrop, onPick, folder, accept, button, hint, testId }: DropZoneProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      className={`dp-drop${over ? ' over' : ''}`}
      onDragOver={(e) => {
        // Only file drags: the page's own drop (a graph .json) must still work elsewhere.
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.stopPropagation();
        // While a run trains, its form (a disabled fieldset) takes no new data.
        const locked = !!e.currentTarget.closest('fieldset:disabled');
        e.dataTransfer.dropEffect = locked ? 'none' : 'copy';
        setOver(!locked);
      }}
      onDragEnter={(e) => {
        // Keep the page's "drop a graph here" overlay away from this box.
        if (e.dataTransfer.types.includes('Files')) e.stopPropagation();
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.stopPropagation();
        setOver(false);
        // The page's overlay did not see this drop (it is ours): let it close as after any drag.
        window.dispatchEvent(new Event('dragend'));
        if (!e.currentTarget.closest('fieldset:disabled')) onDrop(e.dataTransfer);
      }}
    >
      <button className="dp-button" onClick={() => input.current?.click()}>
        {button}
      </button>
      <span className="dp-hint">{hint}</span>
      <input
        ref={(el) => {
          input.current = el;
          if (el && folder) el.webkitdirectory = true;
        }}
        type="file"
        multiple={folder}
        accept={accept}
        className="dp-file-input"
        tabIndex={-1}
        aria-hidden="true"
        data-testid={testId}
        onChange={(e) => {
          const files = e.currentTarget.files;
          if (files) onPick(files);
          // The same folder or file can be picked again (after fixing it on disk).
          e.currentTarget.value = '';
        }}
      />
    </div>
  );
}
