// What the screen checks measure in the page (run inside the browser with page.evaluate):
// table headers and cells that take more than one line, tables wider than their box, and form labels drawn over the
// value their field shows.
import assert from 'node:assert/strict';
import path from 'node:path';
import { OUT_DIR, settled } from './browser.mjs';

/**
 * The table headers and cells whose text takes more than one line: the distinct line tops
 * of their text (a cell cut with an ellipsis is one line; a word broken letter by letter
 * is several). Returns `{ text, lines }` per broken cell.
 */
export function brokenTableCells() {
  const broken = [];
  for (const cell of document.querySelectorAll('table th, table td')) {
    const tops = [];
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width < 1 || rect.height < 1) continue;
        // a new line starts at least half a line below every line seen so far
        if (tops.every(top => Math.abs(top - rect.top) > rect.height / 2)) {
          tops.push(rect.top);
        }
      }
    }
    if (tops.length > 1) {
      broken.push({
        text: cell.innerText.trim().slice(0, 80),
        lines: tops.length,
      });
    }
  }
  return broken;
}

/**
 * Tables wider than the box they sit in: their last columns would be cut off or need
 * sideways scrolling. Returns `{ label, tableWidth, containerWidth }` per table.
 */
export function tablesWiderThanPage() {
  const wide = [];
  for (const table of document.querySelectorAll('table')) {
    const container = table.parentElement;
    if (!container) continue;
    const tableWidth = Math.round(table.getBoundingClientRect().width);
    const containerWidth = Math.round(container.getBoundingClientRect().width);
    if (tableWidth > containerWidth + 1) {
      wide.push({
        label: table.getAttribute('aria-label') ?? '',
        tableWidth,
        containerWidth,
      });
    }
  }
  return wide;
}

/**
 * Form labels whose box intersects the value their field shows: a native select always
 * shows an option; an input or a MUI select shows its value when it has one.
 */
export function labelsOverValues() {
  const overlapping = [];
  for (const control of document.querySelectorAll('.MuiFormControl-root')) {
    const label = control.querySelector(':scope > label');
    if (!label || !label.textContent.trim()) continue;
    const field = control.querySelector(
      'select, input:not([type="hidden"]), textarea, .MuiSelect-root',
    );
    if (!field) continue;
    const shows =
      field.tagName === 'SELECT' ||
      (field.classList.contains('MuiSelect-root') &&
        field.textContent.trim() !== '') ||
      ('value' in field && String(field.value) !== '');
    if (!shows) continue;
    const a = label.getBoundingClientRect();
    const b = field.getBoundingClientRect();
    // the value's text: the field's content box (padding excluded)
    const style = getComputedStyle(field);
    const top = b.top + parseFloat(style.paddingTop);
    const bottom = b.bottom - parseFloat(style.paddingBottom);
    const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const height = Math.min(a.bottom, bottom) - Math.max(a.top, top);
    if (width > 1 && height > 1) {
      overlapping.push({
        label: label.textContent.trim(),
        value: field.value ?? field.textContent.trim(),
      });
    }
  }
  return overlapping;
}

/**
 * Node side: at each width, waits for the page to settle, takes a full-page picture
 * `<OUT_DIR>/<name>-<width>.png` (first: it shows what a failed check is about), then asserts
 * that no table cell is broken over lines and no label is drawn over its value. Leaves the
 * page at the first width.
 */
export async function checkScreenAtWidths(page, name, widths = [1280, 1920]) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 1000 });
    await settled(page);
    await page.screenshot({
      path: path.join(OUT_DIR, `${name}-${width}.png`),
      fullPage: true,
    });
    assert.deepEqual(
      await page.evaluate(brokenTableCells),
      [],
      `${name} at ${width}px: table cells broken over lines`,
    );
    assert.deepEqual(
      await page.evaluate(labelsOverValues),
      [],
      `${name} at ${width}px: labels over values`,
    );
  }
  await page.setViewportSize({ width: widths[0], height: 1000 });
}
