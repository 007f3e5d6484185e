// Renders charts to SVG with ECharts' server-side rendering, for the
// pages to show before any script runs. Run by `webassets ssr`:
//   node ssr.mjs path/to/node_modules < charts.json > svgs.json
// It loads ECharts from the node_modules the site's bundle is built from,
// registers the districts' map as the bundle does, reads
// {map: {name, geoJSON}, charts: [{id, width, height, option, patch}]}
// (patch, if any, merged over the option as setOption merges) and writes
// {id: svg}, in one process, so that ECharts is loaded once for every chart.
// Text is measured by textWidth (textwidth.js, which webassets puts before
// this script), as the site's bundle measures it in the browser.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";

// The last argument: the script may run as a file or with node -e.
const echarts = createRequire(join(process.argv.at(-1), "/"))("echarts");
const input = JSON.parse(readFileSync(0, "utf8"));
echarts.registerMap(input.map.name, input.map.geoJSON);
echarts.setPlatformAPI({ measureText: textWidth });
const out = {};
for (const c of input.charts) {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: c.width, height: c.height });
  chart.setOption(c.option);
  if (c.patch) chart.setOption(c.patch);
  out[c.id] = chart.renderToSVGString({ useViewBox: true });
  chart.dispose();
}
process.stdout.write(JSON.stringify(out));
