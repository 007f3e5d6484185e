package chart

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"gztargets/app/i18n"
	"gztargets/app/model"
	"gztargets/app/spec"
)

// csvHeader names the CSV columns. Values are in the dataset's units (亿元
// for amounts) whatever the language, so that files from either language
// agree; region and metric names follow the language.
var csvHeader = []string{
	"region", "region_name", "metric", "metric_name", "year", "period", "kind",
	"value", "qualifier", "stretch", "unit", "conflict", "sources", "quotes",
}

// CSV writes the figures of a spec, one row per figure and one per region
// without a figure (with an empty value), each with its sources and quotes.
func CSV(ds *model.Dataset, s spec.Spec) []byte {
	b := newBuilder(ds, s.Lang)
	metric, _ := ds.Metric(s.Metric)
	var rows [][]string
	for _, r := range s.Rows {
		region, _ := ds.Region(r.Region)
		rec, _ := ds.Record(r.Record)
		rows = append(rows, b.csvRow(region, metric, r.Year, rec))
	}
	return writeCSV(rows)
}

// DatasetCSV writes every record of the dataset in the language.
func DatasetCSV(ds *model.Dataset, lang i18n.Lang) []byte {
	b := newBuilder(ds, lang)
	var rows [][]string
	for i := range ds.Records {
		r := &ds.Records[i]
		region, _ := ds.Region(r.Region)
		metric, _ := ds.Metric(r.Metric)
		rows = append(rows, b.csvRow(region, metric, r.Year, r))
	}
	return writeCSV(rows)
}

func (b builder) csvRow(region model.Region, metric model.Metric, year int, r *model.Record) []string {
	row := []string{region.ID, b.regionName(region), metric.ID, metric.Name.In(string(b.lang)), yearText(year), "", "", "", "", "", metric.Unit, "", "", ""}
	if r == nil {
		return row
	}
	var sources, quotes []string
	for _, c := range r.Sources {
		sources = append(sources, b.w.SourceCredit(c.Source)+" ("+c.Source+")")
		quotes = append(quotes, c.Quote)
	}
	row[5], row[6] = r.Period, r.Kind
	row[7] = strconv.FormatFloat(r.Value, 'f', -1, 64)
	row[8] = r.Qualifier
	if r.Stretch != nil {
		row[9] = strconv.FormatFloat(*r.Stretch, 'f', -1, 64)
	}
	row[11] = strings.Join(r.Conflict, " ")
	row[12] = strings.Join(sources, " | ")
	row[13] = strings.Join(quotes, " | ")
	return row
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// writeCSV writes the header and rows. A byte-order mark lets spreadsheet
// programs read the Chinese text as UTF-8.
func writeCSV(rows [][]string) []byte {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.Write(csvHeader)
	w.WriteAll(rows)
	return buf.Bytes()
}
