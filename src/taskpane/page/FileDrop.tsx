import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { XLSX_MIME } from "./files";

const useStyles = makeStyles({
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "16px",
    display: "flex",
    alignItems: "center",
    gap: "12px",
    flexWrap: "wrap",
  },
  active: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
});

/** A place to pick or drop one .xlsx file (the check job); the page reads it, nothing is uploaded. */
export function FileDrop(props: { label: string; pick: string; drop: string; onFile: (f: File) => void; testid: string }) {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [over, setOver] = React.useState(false);
  return (
    <div
      className={over ? `${styles.drop} ${styles.active}` : styles.drop}
      role="group"
      aria-label={props.label}
      data-testid={`${props.testid}-drop`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const f = e.dataTransfer.files[0];
        if (f) props.onFile(f);
      }}
    >
      <Button appearance="primary" onClick={() => input.current?.click()}>
        {props.pick}
      </Button>
      <Text>{props.drop}</Text>
      <input
        ref={input}
        type="file"
        accept={`.xlsx,${XLSX_MIME}`}
        style={{ display: "none" }}
        aria-label={props.pick}
        data-testid={`${props.testid}-file`}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (f) props.onFile(f);
        }}
      />
    </div>
  );
}
