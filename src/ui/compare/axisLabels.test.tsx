import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { valueTick } from './axisLabels';

const anchorOf = (p: Parameters<ReturnType<typeof valueTick>>[0], room = 0) =>
  /text-anchor="(\w+)"/.exec(renderToStaticMarkup(valueTick(' s', room)(p)))?.[1];

describe('valueTick', () => {
  const tick = (index: number, textAnchor: 'middle' | 'end' = 'middle') => ({
    x: 10,
    y: 10,
    index,
    visibleTicksCount: 4,
    textAnchor,
    payload: { value: index * 35 },
  });

  it("ends a horizontal axis' last label at its tick, so the chart's edge does not cut it", () => {
    expect(anchorOf(tick(3))).toBe('end');
    expect(renderToStaticMarkup(valueTick(' s')(tick(3)))).toContain('105 s');
  });

  it("keeps a last label centred when half of it fits in the chart's right margin", () => {
    // No canvas here: '105 s' is estimated at 5 × 0.55 × 14 ≈ 38.5 px, so its right half needs ≈ 19 px.
    expect(anchorOf(tick(3), 48)).toBe('middle');
    expect(anchorOf(tick(3), 16)).toBe('end');
  });

  it('centres the other labels of a horizontal axis on their ticks', () => {
    expect([0, 1, 2].map((i) => anchorOf(tick(i)))).toEqual(['middle', 'middle', 'middle']);
    // A lone tick is the first, not an end.
    expect(anchorOf({ ...tick(0), visibleTicksCount: 1 })).toBe('middle');
  });

  it("keeps a vertical axis' anchor (its labels sit left of the axis)", () => {
    expect(anchorOf(tick(3, 'end'))).toBe('end');
    expect(anchorOf({ ...tick(3), textAnchor: 'middle', visibleTicksCount: undefined })).toBe('middle');
  });
});
