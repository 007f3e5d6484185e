// textWidth is how wide ECharts takes a text to be, in one font it names
// (a CSS font shorthand such as "bold 12px sans-serif"), wherever it lays
// out a chart: in Node.js, drawing the stills, and in the browser, drawing
// the live chart that replaces a still. ECharts places legends, wraps
// text to a width and keeps labels apart by these widths. Node.js has no
// fonts to measure with, and each reader's browser has its own, so both
// use this estimate instead: the live chart then lays out its text where
// the still did, and nothing moves when it takes over. The widths are in
// ems, on the generous side of common interface fonts (Segoe UI, SF,
// Roboto, DejaVu Sans), so that text laid out by them does not collide.
// webassets puts this file into the site's ECharts bundle and before
// ssr.mjs.
function textWidth(text, font) {
  const size = /(\d+(?:\.\d+)?)px/.exec(font || "");
  const px = size ? Number(size[1]) : 12;
  const bold = /\bbold(er)?\b|\b[6-9]00\b/.test(font || "");
  let ems = 0;
  for (const ch of String(text == null ? "" : text)) ems += charEms(ch);
  return { width: ems * px * (bold ? 1.06 : 1) };
}

// charEms is a character's width in ems: the full em for Chinese, Japanese
// and Korean characters and full-width forms, less for Latin by the shape
// of the letter.
function charEms(ch) {
  const c = ch.codePointAt(0);
  if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000) return 1;
  if (" il|!.,:;'`".includes(ch)) return 0.3;
  if ("Ifjrt()[]{}-/\"".includes(ch)) return 0.38;
  if (ch >= "0" && ch <= "9") return 0.62;
  if ("MW%@mw—".includes(ch)) return 0.92;
  if (ch >= "A" && ch <= "Z") return 0.7;
  if (ch >= "a" && ch <= "z") return 0.58;
  return 0.66;
}
