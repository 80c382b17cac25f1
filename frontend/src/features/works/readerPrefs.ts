/** How the reader likes to read: kept in this browser (localStorage), for guests and members. */
export interface ReaderPrefs {
  fontSize: number;
  width: 'narrow' | 'medium' | 'wide';
  theme: 'light' | 'dark';
  showNotes: boolean;
}

export const DEFAULT_PREFS: ReaderPrefs = { fontSize: 18, width: 'medium', theme: 'light', showNotes: true };
export const FONT_MIN = 14;
export const FONT_MAX = 28;

const PREFS_KEY = 'sb.reader';
const positionKey = (workId: number) => `sb.work.${workId}.position`;

export function loadPrefs(): ReaderPrefs {
  try {
    const raw = localStorage.getItem(PREFS_KEY);
    if (!raw) return DEFAULT_PREFS;
    const p = JSON.parse(raw) as Partial<ReaderPrefs>;
    return {
      fontSize: clampFont(typeof p.fontSize === 'number' ? p.fontSize : DEFAULT_PREFS.fontSize),
      width: p.width === 'narrow' || p.width === 'wide' ? p.width : 'medium',
      theme: p.theme === 'dark' ? 'dark' : 'light',
      showNotes: p.showNotes !== false,
    };
  } catch {
    return DEFAULT_PREFS;
  }
}

export function savePrefs(prefs: ReaderPrefs) {
  try {
    localStorage.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // private mode: preferences last for this page only
  }
}

export function clampFont(size: number): number {
  return Math.min(FONT_MAX, Math.max(FONT_MIN, Math.round(size)));
}

export interface StoredPosition {
  chapter: number;
  progress: number;
}

/** A guest's reading position (signed-in readers keep theirs on the server). */
export function loadGuestPosition(workId: number): StoredPosition | null {
  try {
    const raw = localStorage.getItem(positionKey(workId));
    if (!raw) return null;
    const p = JSON.parse(raw) as Partial<StoredPosition>;
    return typeof p.chapter === 'number' && p.chapter >= 1
      ? { chapter: p.chapter, progress: typeof p.progress === 'number' ? p.progress : 0 }
      : null;
  } catch {
    return null;
  }
}

export function saveGuestPosition(workId: number, position: StoredPosition) {
  try {
    localStorage.setItem(positionKey(workId), JSON.stringify(position));
  } catch {
    // ignored
  }
}

/** Splits "a, b，c" into tags (ASCII and full-width commas), trimmed, without empties. */
export function splitTags(text: string): string[] {
  return text
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
