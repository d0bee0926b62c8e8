import { describe, expect, it } from 'vitest';
import { displayWidth, padDisplay, wrapText } from '../../src/render/width.js';

describe('displayWidth', () => {
  it.each([
    ['Việt Nam', 8],
    ['Vie\u0323\u0302t Nam', 8], // decomposed: marks take no column
    ['Đề án “Nghiên cứu”', 18],
    ['\u001b[31mQuá hạn\u001b[39m', 7],
    ['漢字', 4],
    ['', 0],
  ])('%j is %i columns', (s, w) => expect(displayWidth(s)).toBe(w));

  it('pads by display width, not code units', () => {
    expect(padDisplay('Vie\u0323\u0302t', 6)).toBe('Vie\u0323\u0302t  ');
  });
});

describe('wrapText', () => {
  it.each([
    ['Xây dựng kế hoạch đào tạo', 10, ['Xây dựng', 'kế hoạch', 'đào tạo']],
    ['a\nb c', 10, ['a', 'b c']],
    // An id longer than the column breaks after a hyphen, not mid-word.
    ['vc-dao-duc-ky-nang-nghe-nghiep', 16, ['vc-dao-duc-ky-', 'nang-nghe-nghiep']],
    ['vc-dao-duc-ky-nang-nghe-nghiep', 12, ['vc-dao-duc-', 'ky-nang-', 'nghe-nghiep']],
    ['Quyết định số 1813/QĐ-TTg', 9, ['Quyết', 'định số', '1813/QĐ-', 'TTg']],
    // No hyphen: split between letters, keeping a letter and its marks together.
    ['Nghiêncứuthựctiễn', 6, ['Nghiên', 'cứuthự', 'ctiễn']],
  ])('%j in %i columns', (text, width, lines) => {
    const out = wrapText(text, width);
    expect(out).toEqual(lines);
    for (const l of out) expect(displayWidth(l)).toBeLessThanOrEqual(width);
  });
});
