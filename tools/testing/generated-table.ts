// A Markdown table a test generates into a README, between `<!-- name -->` and `<!-- /name -->`:
// the test fails when the README's table and the generated one differ, and rewrites it when the
// given environment variable is 1. Compared cell by cell, so Prettier's alignment does not count.
import { readFileSync, writeFileSync } from 'node:fs';

/** A table cell: `|` escaped. */
export const tableCell = (text: string) => text.replaceAll('|', '\\|');

/** A Markdown table from its header and rows of cells (already escaped). */
export function markdownTable(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

function cellsOf(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((text) => text.trim()),
    );
}

/**
 * The README's block and the generated table, as cells, for `expect(...).toEqual(...)`; with
 * `process.env[updateVariable] === '1'` the README is rewritten first.
 *
 * @example
 * const { written, generated } = generatedTable(README, 'wirings', table, 'UPDATE_WIRINGS');
 * expect(written).toEqual(generated);
 */
export function generatedTable(
  file: string,
  name: string,
  table: string,
  updateVariable: string,
): { written: string[][]; generated: string[][] } {
  const block = new RegExp(`<!-- ${name} -->[\\s\\S]*?<!-- /${name} -->`);
  let text = readFileSync(file, 'utf8');
  if (!block.test(text)) throw new Error(`${file} has no <!-- ${name} --> block`);
  if (process.env[updateVariable] === '1') {
    text = text.replace(block, () => `<!-- ${name} -->\n\n${table}\n\n<!-- /${name} -->`);
    writeFileSync(file, text);
  }
  return { written: cellsOf(block.exec(text)?.[0] ?? ''), generated: cellsOf(table) };
}
