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

// csvColumns are the CSV's columns, by id: the English file's header.
// The Chinese file names them in Chinese (messages csv.<id>). Values are in
// the dataset's units (亿元 for amounts) whatever the language, so that
// files from either language agree, and unit_name says the unit in words;
// the English file adds the value in billion yuan, as its charts show
// amounts. Region and metric names, the stage and the verdict follow the
// language.
var csvColumns = []string{
	"region", "region_name", "metric", "metric_name", "year", "period", "kind",
	"value", "qualifier", "stretch", "unit", "conflict", "sources", "quotes",
	"stage", "provisional", "upper", "verdict", "source_urls", "reliability",
	"unit_name", "value_billion_yuan",
}

// csvHeader is the header of a CSV file in a language.
func csvHeader(lang i18n.Lang) []string {
	if lang == i18n.EN {
		return csvColumns
	}
	out := make([]string, len(csvColumns)-1)
	for i := range out {
		out[i] = i18n.T(lang, i18n.Key("csv."+csvColumns[i]))
	}
	return out
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
		rows = append(rows, b.csvRow(region, metric, r.Year, rec, r.Verdict))
	}
	return writeCSV(csvHeader(s.Lang), rows)
}

// DatasetCSV writes every record of the dataset in the language.
func DatasetCSV(ds *model.Dataset, lang i18n.Lang) []byte {
	b := newBuilder(ds, lang)
	var rows [][]string
	for i := range ds.Records {
		r := &ds.Records[i]
		region, _ := ds.Region(r.Region)
		metric, _ := ds.Metric(r.Metric)
		rows = append(rows, b.csvRow(region, metric, r.Year, r, b.verdictOf(r)))
	}
	return writeCSV(csvHeader(lang), rows)
}

// verdictOf is a target's verdict in words, or "" for a result.
func (b builder) verdictOf(r *model.Record) string {
	if r.Kind != model.KindTarget || r.Period != model.PeriodYear {
		return ""
	}
	for _, rv := range b.ds.Verdicts(r.Metric, r.Year) {
		for _, v := range rv.Verdicts {
			if v.Target.ID == r.ID {
				return b.w.Outcome(v)
			}
		}
	}
	return ""
}

func (b builder) csvRow(region model.Region, metric model.Metric, year int, r *model.Record, verdict string) []string {
	row := make([]string, len(csvHeader(b.lang)))
	copy(row, []string{region.ID, b.regionName(region), metric.ID, metric.Name.In(string(b.lang)), yearText(year)})
	row[10] = metric.Unit
	row[20] = b.w.UnitName(metric.Unit)
	if r == nil {
		row[12] = b.w.NoFigure(region.ID, metric.ID, year)
		return row
	}
	var sources, quotes, urls, reliability []string
	for _, c := range r.Sources {
		sources = append(sources, b.w.SourceCredit(c.Source)+" ("+c.Source+")")
		quotes = append(quotes, c.Quote)
		if src, ok := b.ds.Source(c.Source); ok {
			urls = append(urls, src.URL)
			reliability = append(reliability, src.Reliability)
		}
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
	if r.Stage != "" {
		row[14] = b.t(i18n.Key("stage." + r.Stage))
	}
	if r.Provisional {
		row[15] = "true"
	}
	if r.Upper != nil {
		row[16] = strconv.FormatFloat(*r.Upper, 'f', -1, 64)
	}
	row[17] = verdict
	row[18] = strings.Join(urls, " | ")
	row[19] = strings.Join(reliability, " | ")
	if b.lang == i18n.EN && metric.Unit == "cny_100m" {
		row[21] = strconv.FormatFloat(i18n.Display(r.Value, metric.Unit, b.lang), 'f', -1, 64)
	}
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
func writeCSV(header []string, rows [][]string) []byte {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.Write(header)
	w.WriteAll(rows)
	return buf.Bytes()
}
