import { describe, expect, it } from 'vitest';
import { MAX_ZOOM, clamp, cropRect, initialCrop, pan, zoomTo } from './crop';

const V = 200;
const landscape = { width: 800, height: 400 };
const portrait = { width: 300, height: 900 };

describe('avatar crop arithmetic', () => {
  it('starts centred with the shorter side filling the square', () => {
    const state = initialCrop(landscape, V);
    // scale 0.5: the image is 400 × 200 on screen, 100 px hang out on each side.
    expect(state).toEqual({ zoom: 1, x: -100, y: 0 });
    expect(cropRect(state, landscape, V)).toEqual({ sx: 200, sy: 0, size: 400 });
  });

  it('centres a portrait image vertically', () => {
    const state = initialCrop(portrait, V);
    expect(state.x).toBe(0);
    expect(cropRect(state, portrait, V)).toEqual({ sx: 0, sy: 300, size: 300 });
  });

  it('never drags the image off an edge of the square', () => {
    const start = initialCrop(landscape, V);
    expect(pan(start, 500, 500, landscape, V)).toEqual({ zoom: 1, x: 0, y: 0 });
    expect(pan(start, -500, -500, landscape, V)).toEqual({ zoom: 1, x: -200, y: 0 });
    expect(cropRect(pan(start, -500, 0, landscape, V), landscape, V)).toEqual({ sx: 400, sy: 0, size: 400 });
  });

  it('zooms about the centre, showing a smaller square of the image', () => {
    const zoomed = zoomTo(initialCrop(landscape, V), 2, landscape, V);
    const rect = cropRect(zoomed, landscape, V);
    expect(rect.size).toBe(200);
    // The centre of the image stays in the centre of the square.
    expect(rect.sx + rect.size / 2).toBeCloseTo(400);
    expect(rect.sy + rect.size / 2).toBeCloseTo(200);
  });

  it('keeps the point under the pointer still while zooming', () => {
    const start = initialCrop(landscape, V);
    const anchor = { x: 50, y: 50 };
    const zoomed = zoomTo(start, 1.5, landscape, V, anchor);
    // Image point under the anchor before: ((50 + 100) / 0.5, 50 / 0.5) = (300, 100).
    const s = 0.75;
    expect((anchor.x - zoomed.x) / s).toBeCloseTo(300);
    expect((anchor.y - zoomed.y) / s).toBeCloseTo(100);
  });

  it('limits the zoom to 1…MAX_ZOOM and re-clamps when zooming out', () => {
    const start = initialCrop(landscape, V);
    expect(zoomTo(start, 0.2, landscape, V).zoom).toBe(1);
    expect(zoomTo(start, 99, landscape, V).zoom).toBe(MAX_ZOOM);
    const inCorner = pan(zoomTo(start, 3, landscape, V), -10_000, -10_000, landscape, V);
    const out = zoomTo(inCorner, 1, landscape, V);
    expect(out).toEqual(clamp(out, landscape, V));
    expect(out.y).toBe(0);
    expect(cropRect(out, landscape, V).size).toBe(400);
  });
});
