/**
 * Markup as text, for the first screen the hosts serve before any script runs. Every text and
 * attribute value is escaped here, so pack titles and profile names can only ever be text.
 */
export type Markup = { readonly html: string };
type Child = Markup | string | number | null | false | undefined;

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

const NAME = /^[a-zA-Z][a-zA-Z0-9-]*$/;

/** An element with attributes (undefined leaves one out) and children (falsy ones left out). */
export function el(tag: string, attrs: Record<string, string | number | undefined>, ...children: Child[]): Markup {
  if (!NAME.test(tag)) throw new Error(`not a tag name: ${tag}`);
  let html = `<${tag}`;
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    if (!NAME.test(name)) throw new Error(`not an attribute name: ${name}`);
    html += ` ${name}="${escapeAttr(String(value))}"`;
  }
  html += '>';
  for (const child of children) {
    if (child === null || child === undefined || child === false || child === '') continue;
    html += typeof child === 'object' ? child.html : escapeText(String(child));
  }
  return { html: `${html}</${tag}>` };
}
