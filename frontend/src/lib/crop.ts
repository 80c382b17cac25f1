// The arithmetic of the square avatar crop, kept apart from the canvas so it can be tested.
//
// The image (natural size w × h) is drawn into a square viewport of side V at scale s, its top
// left corner at (x, y) in viewport pixels. At zoom 1 the shorter side just fills the viewport
// ("cover"); zoom only enlarges from there. The image must always cover the whole viewport, so
// x ∈ [V − w·s, 0] and y ∈ [V − h·s, 0].

export interface CropState {
  /** 1 = the shorter side fills the viewport; up to MAX_ZOOM. */
  zoom: number;
  /** The image's top-left corner in viewport pixels (≤ 0). */
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MAX_ZOOM = 4;

/** Viewport pixels per image pixel at `zoom`. */
export function scaleOf(image: Size, viewport: number, zoom: number): number {
  return (viewport / Math.min(image.width, image.height)) * zoom;
}

function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(1, Number.isFinite(zoom) ? zoom : 1));
}

/** Moves the image back until it covers the viewport. */
export function clamp(state: CropState, image: Size, viewport: number): CropState {
  const zoom = clampZoom(state.zoom);
  const s = scaleOf(image, viewport, zoom);
  const minX = viewport - image.width * s;
  const minY = viewport - image.height * s;
  return {
    zoom,
    x: Math.min(0, Math.max(minX, state.x)),
    y: Math.min(0, Math.max(minY, state.y)),
  };
}

/** Zoom 1, the image centred. */
export function initialCrop(image: Size, viewport: number): CropState {
  const s = scaleOf(image, viewport, 1);
  return { zoom: 1, x: (viewport - image.width * s) / 2, y: (viewport - image.height * s) / 2 };
}

/** Drags the image by (dx, dy) viewport pixels. */
export function pan(state: CropState, dx: number, dy: number, image: Size, viewport: number): CropState {
  return clamp({ ...state, x: state.x + dx, y: state.y + dy }, image, viewport);
}

/**
 * Zooms to `zoom`, keeping the image point under the anchor (viewport pixels; the centre by
 * default) where it is, as far as the image still covers the viewport.
 */
export function zoomTo(
  state: CropState,
  zoom: number,
  image: Size,
  viewport: number,
  anchor: { x: number; y: number } = { x: viewport / 2, y: viewport / 2 },
): CropState {
  const next = clampZoom(zoom);
  const s = scaleOf(image, viewport, state.zoom);
  const s2 = scaleOf(image, viewport, next);
  const ix = (anchor.x - state.x) / s;
  const iy = (anchor.y - state.y) / s;
  return clamp({ zoom: next, x: anchor.x - ix * s2, y: anchor.y - iy * s2 }, image, viewport);
}

/** The square of the image (in image pixels) that the viewport shows. */
export function cropRect(state: CropState, image: Size, viewport: number) {
  const s = scaleOf(image, viewport, state.zoom);
  const size = Math.min(viewport / s, image.width, image.height);
  const sx = Math.min(Math.max(0, -state.x / s), image.width - size);
  const sy = Math.min(Math.max(0, -state.y / s), image.height - size);
  return { sx, sy, size };
}
