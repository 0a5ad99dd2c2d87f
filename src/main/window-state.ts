import type { BrowserWindow, Rectangle } from 'electron';
import { screen } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT: WindowState = { bounds: { x: 0, y: 0, width: 1200, height: 860 }, maximized: false };

/** Window size and position remembered across runs, kept on a visible display. */
export function loadWindowState(userData: string): WindowState {
  try {
    const s = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')) as WindowState;
    const visible = screen.getAllDisplays().some((d) => {
      const a = d.workArea;
      return (
        s.bounds.x < a.x + a.width &&
        s.bounds.x + s.bounds.width > a.x &&
        s.bounds.y < a.y + a.height &&
        s.bounds.y + s.bounds.height > a.y
      );
    });
    return visible
      ? s
      : { ...DEFAULT, bounds: { ...DEFAULT.bounds, ...{ width: s.bounds.width, height: s.bounds.height } } };
  } catch {
    return DEFAULT;
  }
}

export function trackWindowState(win: BrowserWindow, userData: string): void {
  const save = () => {
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      writeFileSync(join(userData, 'window-state.json'), JSON.stringify(state));
    } catch {
      // Not worth interrupting the participant for: the window just opens at its default size.
    }
  };
  win.on('close', save);
}
