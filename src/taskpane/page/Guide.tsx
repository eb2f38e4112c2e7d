import * as React from "react";
import { Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { pageText } from "../../i18n/page";
import createShot from "./guide/create.jpg";
import checkShot from "./guide/check.jpg";
import consolidateShot from "./guide/consolidate.jpg";

const G = pageText.guide;
const SHOTS: Record<string, string> = { create: createShot, check: checkShot, consolidate: consolidateShot };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", maxWidth: "920px", lineHeight: tokens.lineHeightBase400 },
  h: { margin: "12px 0 0", fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  p: { margin: 0 },
  shot: { maxWidth: "100%", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  dl: { display: "grid", gridTemplateColumns: "minmax(160px, 0.35fr) 1fr", gap: "6px 16px", margin: 0 },
  dt: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0 },
});

/** "Hướng dẫn sử dụng": the three jobs, what each finding means, the add-in or this page; in the page and as huong-dan.html. */
export function Guide(props: { pageLink?: string }) {
  const styles = useStyles();
  return (
    <article className={styles.root} data-testid="guide" aria-label={G.title}>
      <Text as="p" className={styles.p}>
        {G.intro}
      </Text>
      {props.pageLink && (
        <Link href={props.pageLink} data-testid="guide-page-link">
          {G.openPage}
        </Link>
      )}
      {G.sections.map((s) => (
        <section key={s.id} id={s.id} aria-labelledby={`h-${s.id}`}>
          <h2 id={`h-${s.id}`} className={styles.h}>
            {s.title}
          </h2>
          {"paragraphs" in s &&
            s.paragraphs?.map((p, i) => (
              <p key={i} className={styles.p} style={{ marginTop: 6 }}>
                {p}
              </p>
            ))}
          {"items" in s && s.items && (
            <dl className={styles.dl} style={{ marginTop: 6 }}>
              {s.items.map(([term, what]) => (
                <React.Fragment key={term}>
                  <dt className={styles.dt}>{term}</dt>
                  <dd className={styles.dd}>{what}</dd>
                </React.Fragment>
              ))}
            </dl>
          )}
          {"shot" in s && s.shot && SHOTS[s.shot] && (
            <img className={styles.shot} style={{ marginTop: 8 }} src={SHOTS[s.shot]} alt={G.shotAlt[s.shot]} loading="lazy" />
          )}
        </section>
      ))}
    </article>
  );
}
