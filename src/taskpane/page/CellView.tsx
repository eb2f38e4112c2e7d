import * as React from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { colLetters } from "../../engine/a1";
import type { GridValue } from "../../engine/types";
import { pageText } from "../../i18n/page";
import type { MemoryWorkbook } from "../../xlsx/memory-host";

const T = pageText.check;

const useStyles = makeStyles({
  box: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "10px 12px",
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase400 },
  // a long formula breaks inside the box instead of running out of it
  formula: { overflowWrap: "anywhere", wordBreak: "break-all", fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  table: { borderCollapse: "collapse", width: "100%", tableLayout: "fixed", fontSize: tokens.fontSizeBase200 },
  th: {
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    padding: "1px 4px",
  },
  td: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
    overflowWrap: "anywhere",
    verticalAlign: "top",
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px", backgroundColor: tokens.colorBrandBackground2 },
});

function shown(v: GridValue): string {
  if (v === null || v === "") return "";
  if (typeof v === "object") return v.error;
  if (typeof v === "number") return v.toLocaleString("vi-VN", { maximumFractionDigits: 4 });
  return String(v);
}

/** Columns of the neighbourhood: STT, label, unit, figure, note (A–E) or up to the cell's own column. */
const SPAN = { before: 2, after: 2, cols: 5 };

/**
 * Where a finding is, on a page with no grid: the cell the user was sent to (its sheet, address, content,
 * formula) and the rows around it as a small table, the cell outlined. Follows edits (a fix applied).
 */
export function CellView({ wb }: { wb: MemoryWorkbook }) {
  const styles = useStyles();
  const [at, setAt] = React.useState(wb.selection);
  const [, setVersion] = React.useState(0);
  React.useEffect(() => wb.onSelect((x) => setAt({ ...x })), [wb]);
  React.useEffect(() => {
    let off: (() => Promise<void>) | undefined;
    let alive = true;
    void wb.onChange(() => setVersion((n) => n + 1)).then((o) => (alive ? (off = o) : void o()));
    return () => {
      alive = false;
      void off?.();
    };
  }, [wb]);
  const near = at ? wb.around(at.sheet, at.a1, SPAN) : undefined;
  const selRow = at ? Number(/\d+$/.exec(at.a1)?.[0]) : 0;
  const selCol = at ? at.a1.replace(/\d+$/, "").toUpperCase() : "";
  let value = "";
  let formula: string | null = null;
  if (near) {
    const r = near.rows.indexOf(selRow);
    const c = near.cols.findIndex((x) => colLetters(x) === selCol);
    value = shown(near.values[r]?.[c] ?? null);
    formula = near.formulas[r]?.[c] ?? null;
  }
  return (
    <section className={styles.box} aria-label={T.cellTitle} aria-live="polite" data-testid="cell-view" data-cell={at ? `${at.sheet}!${at.a1}` : ""}>
      <Text as="h2" className={styles.title}>
        {T.cellTitle}
      </Text>
      {!at && <Text>{T.cellNone}</Text>}
      {at && (
        <>
          <Text weight="semibold" data-testid="cell-at">
            {T.cellAt(at.sheet, at.a1)}
          </Text>
          <Text data-testid="cell-value">{T.cellValue(value || T.cellEmpty)}</Text>
          {formula && <Text className={styles.formula} data-testid="cell-formula">{T.cellFormula(formula)}</Text>}
          {near && (
            <table className={styles.table} aria-label={T.cellTable(at.sheet)}>
              <colgroup>
                <col style={{ width: "34px" }} />
                {near.cols.map((c) => (
                  <col key={c} style={{ width: c === 2 ? "45%" : undefined }} />
                ))}
              </colgroup>
              <thead>
                <tr>
                  <th className={styles.th} />
                  {near.cols.map((c) => (
                    <th key={c} scope="col" className={styles.th}>
                      {colLetters(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {near.rows.map((r, i) => (
                  <tr key={r}>
                    <th scope="row" className={styles.th}>
                      {r}
                    </th>
                    {near.cols.map((c, j) => {
                      const sel = r === selRow && colLetters(c) === selCol;
                      return (
                        <td key={c} className={sel ? `${styles.td} ${styles.selected}` : styles.td} data-selected={sel || undefined}>
                          {shown(near.values[i][j])}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Text size={200}>{T.cellHint}</Text>
        </>
      )}
    </section>
  );
}
