/** CSV as RFC 4180 says: CRLF between records, a field quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
export type CsvValue = string | number | boolean | null | undefined;

export function csvField(v: CsvValue): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One header record, then one record per row; every record ends with CRLF (RFC 4180 allows it on the last). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  let out = header.map(csvField).join(',') + '\r\n';
  for (const r of rows) out += r.map(csvField).join(',') + '\r\n';
  return out;
}

/** The reverse (for tests and tools): records of fields, quotes undone. Accepts CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      record.push(field);
      records.push(record);
      field = '';
      record = [];
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}
