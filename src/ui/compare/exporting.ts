/**
 * Downloads for the Compare view: results as CSV (the CLI's toCsv) and JSON, each chart as SVG (its own SVG,
 * with its title and legends, in the fonts and colours it shows) and PNG (that SVG drawn on a canvas at 2×). No
 * libraries.
 */
export function download(name: string, data: Blob) {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const textBlob = (text: string, type: string) => new Blob([text], { type });

const NS = 'http://www.w3.org/2000/svg';
const TEXT = '#0f172a';
const TITLE_H = 30;

/** The chart surfaces of a card (not the small icons inside its HTML legends, which are SVGs too). */
export function chartSvgs(box: Element): SVGSVGElement[] {
  return [...box.querySelectorAll<SVGSVGElement>('svg.recharts-surface')].filter(
    (s) => !s.closest('.recharts-legend-wrapper'),
  );
}

/**
 * A standalone SVG document of a chart card: its title, every chart surface where it is on screen, and each legend
 * (Recharts draws legends as HTML beside the SVG, so a bare copy of the SVG lost them) redrawn as SVG icons and
 * text at their places. White background, the page's font, the text colour of the page.
 */
export function chartSvgText(box: HTMLElement, title?: string): string {
  const at = box.getBoundingClientRect();
  const top = title ? TITLE_H : 0;
  const w = Math.max(1, Math.round(at.width));
  const h = Math.max(1, Math.round(at.height + top));
  const root = document.createElementNS(NS, 'svg');
  root.setAttribute('xmlns', NS);
  root.setAttribute('width', String(w));
  root.setAttribute('height', String(h));
  root.setAttribute('viewBox', `0 0 ${w} ${h}`);
  const font = getComputedStyle(box).fontFamily || 'sans-serif';
  root.setAttribute('style', `font-family: ${font}; font-size: 14px; background: #fff`);
  const bg = document.createElementNS(NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  root.appendChild(bg);
  const text = (x: number, y: number, value: string, size: number, weight = 400) => {
    const el = document.createElementNS(NS, 'text');
    el.setAttribute('x', String(Math.round(x)));
    el.setAttribute('y', String(Math.round(y)));
    el.setAttribute('font-size', String(size));
    el.setAttribute('font-weight', String(weight));
    el.setAttribute('fill', TEXT);
    el.textContent = value;
    root.appendChild(el);
  };
  if (title) text(4, 21, title, 17, 700);
  const place = (el: Element, clone: SVGSVGElement) => {
    const r = el.getBoundingClientRect();
    clone.setAttribute('x', String(Math.round(r.left - at.left)));
    clone.setAttribute('y', String(Math.round(r.top - at.top + top)));
    clone.setAttribute('width', String(Math.round(r.width)));
    clone.setAttribute('height', String(Math.round(r.height)));
    clone.removeAttribute('style');
    root.appendChild(clone);
  };
  for (const s of chartSvgs(box)) place(s, s.cloneNode(true) as SVGSVGElement);
  for (const item of box.querySelectorAll('.recharts-legend-item')) {
    const icon = item.querySelector('svg');
    if (icon) place(icon, icon.cloneNode(true) as SVGSVGElement);
    const label = item.querySelector('.recharts-legend-item-text');
    if (!label?.textContent) continue;
    const r = label.getBoundingClientRect();
    text(r.left - at.left, r.top - at.top + top + r.height * 0.75, label.textContent, 14);
  }
  return new XMLSerializer().serializeToString(root);
}

export function chartSvgBlob(box: HTMLElement, title?: string): Blob {
  return textBlob(chartSvgText(box, title), 'image/svg+xml');
}

/** The chart card drawn on a canvas at `scale` (2×: sharp on a projector) and encoded as PNG. */
export function chartPngBlob(box: HTMLElement, title?: string, scale = 2): Promise<Blob> {
  const svg = chartSvgText(box, title);
  const m = /<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(svg);
  const width = Number(m?.[1] ?? 1);
  const height = Number(m?.[2] ?? 1);
  const url = URL.createObjectURL(textBlob(svg, 'image/svg+xml'));
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(width * scale));
      canvas.height = Math.max(1, Math.round(height * scale));
      const g = canvas.getContext('2d');
      if (!g) return reject(new Error('no canvas'));
      g.fillStyle = '#fff';
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png');
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the chart could not be drawn as an image'));
    };
    img.src = url;
  });
}
