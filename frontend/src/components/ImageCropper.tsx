import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import { MAX_ZOOM, cropRect, initialCrop, pan, zoomTo, type CropState } from '@/lib/crop';
import { useI18n } from '@/lib/i18n';
import { Button } from './Button';
import './ImageCropper.css';

/** The side of the crop square on screen, in CSS pixels. */
export const VIEWPORT = 240;
/** The side of the PNG sent to the server (it makes 256 and 64 px squares from it). */
export const OUTPUT = 512;

/**
 * Reads a chosen file into an image element. Through a data: URL, not an object URL: the site's
 * Content-Security-Policy allows data: images but not blob: ones.
 */
export function loadImage(file: File): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error('unreadable'));
    reader.onload = () => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = () => reject(new Error('unreadable'));
      img.src = String(reader.result);
    };
    reader.readAsDataURL(file);
  });
}

/** Draws the cropped square of `image` onto `canvas` at `side` × `side` pixels. */
function draw(canvas: HTMLCanvasElement, image: HTMLImageElement, state: CropState, side: number) {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const size = { width: image.naturalWidth, height: image.naturalHeight };
  const { sx, sy, size: s } = cropRect(state, size, VIEWPORT);
  ctx.imageSmoothingQuality = 'high';
  ctx.clearRect(0, 0, side, side);
  ctx.drawImage(image, sx, sy, s, s, 0, 0, side, side);
}

/** The cropped square as a PNG blob. */
export function cropToBlob(image: HTMLImageElement, state: CropState): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = OUTPUT;
  canvas.height = OUTPUT;
  draw(canvas, image, state, OUTPUT);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))), 'image/png'),
  );
}

/**
 * A square crop of a chosen picture on a canvas: drag (mouse, touch or pen) to move it, the
 * slider or the wheel to zoom, arrow keys and +/− from the keyboard.
 */
export function ImageCropper({
  image,
  busy,
  onCrop,
  onCancel,
}: {
  image: HTMLImageElement;
  busy: boolean;
  onCrop: (blob: Blob) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = { width: image.naturalWidth, height: image.naturalHeight };
  const [state, setState] = useState<CropState>(() => initialCrop(size, VIEWPORT));
  const drag = useRef<{ x: number; y: number } | null>(null);
  const ratio = typeof window === 'undefined' ? 1 : Math.min(3, window.devicePixelRatio || 1);

  useEffect(() => {
    const el = canvas.current;
    if (el) draw(el, image, state, Math.round(VIEWPORT * ratio));
  }, [image, state, ratio]);

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY };
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const from = drag.current;
    if (!from) return;
    drag.current = { x: e.clientX, y: e.clientY };
    setState((s) => pan(s, e.clientX - from.x, e.clientY - from.y, size, VIEWPORT));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onWheel = (e: WheelEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const anchor = { x: e.clientX - box.left, y: e.clientY - box.top };
    setState((s) => zoomTo(s, s.zoom * (e.deltaY < 0 ? 1.1 : 1 / 1.1), size, VIEWPORT, anchor));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const step = e.shiftKey ? 40 : 10;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      setState((s) => pan(s, move[0], move[1], size, VIEWPORT));
    } else if (e.key === '+' || e.key === '=') {
      e.preventDefault();
      setState((s) => zoomTo(s, s.zoom * 1.1, size, VIEWPORT));
    } else if (e.key === '-') {
      e.preventDefault();
      setState((s) => zoomTo(s, s.zoom / 1.1, size, VIEWPORT));
    }
  };

  return (
    <div className="cropper">
      <canvas
        ref={canvas}
        className="cropper__canvas"
        width={Math.round(VIEWPORT * ratio)}
        height={Math.round(VIEWPORT * ratio)}
        style={{ width: VIEWPORT, height: VIEWPORT }}
        tabIndex={0}
        role="img"
        aria-label={t('avatar.cropLabel')}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onWheel={onWheel}
        onKeyDown={onKeyDown}
      />
      <p className="field__hint">{t('avatar.cropHint')}</p>
      <label className="cropper__zoom">
        <span>{t('avatar.zoom')}</span>
        <input
          type="range"
          min={1}
          max={MAX_ZOOM}
          step={0.01}
          value={state.zoom}
          onChange={(e) => setState((s) => zoomTo(s, Number(e.target.value), size, VIEWPORT))}
        />
      </label>
      <div className="form__actions">
        <Button variant="primary" busy={busy} onClick={() => void cropToBlob(image, state).then(onCrop)}>
          {t('avatar.useCrop')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}
