// A release's section headings: under the page's h1 on a release's own page, under a step's h2 in the wizard.
export type Level = 2 | 3;

export function Heading(props: { level: Level; id?: string; children: string }) {
  return props.level === 2 ? (
    <h2 id={props.id}>{props.children}</h2>
  ) : (
    <h3 id={props.id}>{props.children}</h3>
  );
}
