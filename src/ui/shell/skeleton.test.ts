import { describe, expect, it } from 'vitest';
import { defaultPattern } from '../../patterns/catalog';
import { skeletonPages, skeletonPattern } from './skeleton.build';

describe('the skeleton in index.html', () => {
  const pages = skeletonPages();

  it('shows the pattern the app opens with', () => {
    expect(skeletonPattern).toBe(defaultPattern.id);
    const on = defaultPattern.guards.filter((g) => g.default).length;
    expect(pages.en).toContain(`Guards ${on}/${defaultPattern.guards.length}`);
  });

  it('has every text in its language (no raw keys), and the frame has no pattern texts', () => {
    for (const [id, html] of Object.entries(pages)) {
      const text = html.replace(/<[^>]*>/g, ' ');
      expect(text, id).not.toMatch(/\b(pattern|panels|header|tables|guards|params|tour|compare|diagram)\.[a-z]/);
    }
    expect(pages.zh).toContain('看点');
    expect(pages.en).toContain('Watch:');
    expect(pages['en-frame']).not.toContain('Watch:');
    expect(pages['zh-frame']).not.toContain('看点');
  });

  it('has nothing a person could use before the app runs (no controls), and hides its boxes from screen readers', () => {
    for (const html of Object.values(pages)) {
      expect(html).not.toMatch(/<(button|select|input|a|textarea)\b/);
      expect(html).toContain('role="status"');
      expect(html).toContain('aria-hidden="true"');
    }
  });
});
