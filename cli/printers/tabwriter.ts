// A port of Go's text/tabwriter (flags 0: no escapes, no HTML filtering,
// left-aligned), so that tables and describe output line up byte for byte
// with what kubectl printed.
//
// Cells are tab-terminated; the text after the last tab of a line is not part
// of any column. A column block is a run of consecutive lines that all have a
// cell in that column, and each block gets its own width.

export interface TabwriterConfig {
  /** Minimal cell width, padding included. */
  readonly minwidth: number;
  /** Width of a '\t' when padding with tabs. */
  readonly tabwidth: number;
  /** Added to the widest cell of a column block. */
  readonly padding: number;
  /** One character; '\t' switches to padding with tabs aligned to tabwidth. */
  readonly padchar: string;
}

/** `tabwriter.NewWriter(out, 10, 4, 3, ' ', 0)`: kubectl's `get` tables. */
export const GET_TABLE: TabwriterConfig = { minwidth: 10, tabwidth: 4, padding: 3, padchar: ' ' };

/** `out.Init(buf, 0, 8, 1, '\t', 0)`: kubectl v1.1's tabbedString, used by describe. */
export const DESCRIBE: TabwriterConfig = { minwidth: 0, tabwidth: 8, padding: 1, padchar: '\t' };

interface Cell {
  readonly text: string;
  /** In Unicode code points, as Go counts runes. */
  readonly width: number;
}

type Line = Cell[];

function cell(text: string): Cell {
  return { text, width: [...text].length };
}

/**
 * Aligns tab-terminated cells the way Go's Writer does between Write and Flush.
 *
 * @example formatTabbed('NAME\tAGE\nnginx-nvcnl\t13s\n')
 *   // 'NAME          AGE\nnginx-nvcnl   13s\n'
 */
export function formatTabbed(text: string, config: TabwriterConfig = GET_TABLE): string {
  const out: string[] = [];
  let lines: Line[] = [[]];
  let start = 0;

  const flush = (): void => {
    format(config, lines, [], 0, lines.length, out);
    lines = [[]];
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
    const line = lines[lines.length - 1]!;
    line.push(cell(text.slice(start, i)));
    start = i + 1;
    if (ch === '\n' || ch === '\f') {
      lines.push([]);
      // A one-cell line takes part in no column, so Go flushes there: no
      // column block ever spans it. A form feed always flushes.
      if (ch === '\f' || line.length === 1) flush();
    }
  }
  // Go's Flush terminates the pending cell only if it has text: a trailing
  // tab on the last line leaves its cell as the line's unaligned tail.
  if (start < text.length) lines[lines.length - 1]!.push(cell(text.slice(start)));
  flush();
  return out.join('');
}

// Go's Writer.format: find the block of the next column, fix its width, then
// recurse to the columns to its right within that block.
function format(
  config: TabwriterConfig,
  lines: readonly Line[],
  widths: number[],
  line0: number,
  line1: number,
  out: string[],
): void {
  const column = widths.length;
  for (let at = line0; at < line1; at++) {
    if (column >= lines[at]!.length - 1) continue;
    writeLines(config, lines, widths, line0, at, out);
    line0 = at;

    let width = config.minwidth;
    for (; at < line1; at++) {
      const line = lines[at]!;
      if (column >= line.length - 1) break;
      width = Math.max(width, line[column]!.width + config.padding);
    }

    widths.push(width);
    format(config, lines, widths, line0, at, out);
    widths.pop();
    line0 = at;
  }
  writeLines(config, lines, widths, line0, line1, out);
}

function writeLines(
  config: TabwriterConfig,
  lines: readonly Line[],
  widths: readonly number[],
  line0: number,
  line1: number,
  out: string[],
): void {
  for (let i = line0; i < line1; i++) {
    const line = lines[i]!;
    line.forEach((c, j) => {
      out.push(c.text);
      const width = widths[j];
      if (width !== undefined) out.push(padding(config, c.width, width));
    });
    // The last buffered line is the unterminated one: no newline of its own.
    if (i + 1 < lines.length) out.push('\n');
  }
}

function padding(config: TabwriterConfig, textWidth: number, cellWidth: number): string {
  if (config.padchar !== '\t') return config.padchar.repeat(cellWidth - textWidth);
  if (config.tabwidth === 0) return '';
  // Tabs can only reach multiples of tabwidth: round the cell up to one.
  const width = Math.ceil(cellWidth / config.tabwidth) * config.tabwidth;
  return '\t'.repeat(Math.ceil((width - textWidth) / config.tabwidth));
}
