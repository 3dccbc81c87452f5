// An export table as an Excel workbook (exceljs): one sheet named after the export, the header row
// bold and frozen, amounts (`…_eur` columns) as numbers with two decimals, everything else as text
// (a text cell is never a formula; cells were guarded against formula injection anyway).
import type { ExportTable } from "../../app/management/export-csv.js";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const isAmount = (column: string) => column.endsWith("_eur");
const isCount = (column: string) => ["rating", "rating_scale", "answers", "positive", "counted_comments"].includes(column);

export async function tableXlsx(table: ExportTable): Promise<Buffer> {
  // Loaded at the first export, not at start-up: exceljs alone holds about 27 MiB.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Cagnotte";
  const sheet = workbook.addWorksheet(table.kind, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(
      row.map((cell, i) => {
        const column = table.header[i] ?? "";
        if (cell === "") return null;
        if (cell !== "" && (isAmount(column) || isCount(column)) && /^-?\d+(\.\d+)?$/.test(cell)) return Number(cell);
        return cell;
      }),
    );
  }
  table.header.forEach((column, i) => {
    const c = sheet.getColumn(i + 1);
    c.width = Math.min(60, Math.max(column.length + 2, ...table.rows.slice(0, 200).map((r) => (r[i] ?? "").length + 2)));
    if (isAmount(column)) c.numFmt = "0.00";
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
