package extract

import (
	"regexp"
	"strings"
)

// Region levels: a district is named as the subject of a text; the city,
// the province and the nation are often named only in passing ("再造新
// 广州"), so they count only where they are the figure's subject.
const (
	levelDistrict = iota
	levelHigher
)

// mention is a place where the text names a region. An empty region is a
// district the extractor does not know (Dinghu District): it still ends
// the previous district's context.
type mention struct {
	span
	region string
	level  int
	// organisation is set when the name is part of an organisation or an
	// event (广州市委, 广东省高质量发展大会, Guangzhou Daily).
	organisation bool
}

// regionNames lists each region's names: full, short and English.
var regionNames = []struct{ region, pattern string }{
	{"zhaoqing_new_district", `肇庆新区|\bZhaoqing New (?:District|Area)\b`},
	{"huangpu", `广州开发区|黄埔区?|\bGuangzhou Development (?:District|Zone)\b|\bHuangpu\b`},
	{"yuexiu", `越秀区?|\bYuexiu\b`},
	{"haizhu", `海珠区?|\bHaizhu\b`},
	{"liwan", `荔湾区?|\bLiwan\b`},
	{"tianhe", `天河区?|\bTianhe\b`},
	{"baiyun", `白云区?|\bBaiyun\b`},
	{"panyu", `番禺区?|\bPanyu\b`},
	{"huadu", `花都区?|\bHuadu\b`},
	{"nansha", `南沙区?|\bNansha\b`},
	{"conghua", `从化区?|\bConghua\b`},
	{"zengcheng", `增城区?|\bZengcheng\b`},
	{"guangzhou", `广州市?|全市|\bGuangzhou\b|\b[Tt]he city's\b|\bcity-?wide\b|\b[Tt]he whole city\b`},
	{"guangdong", `广东省?|全省|\bGuangdong\b|\b[Tt]he province's\b|\bprovince-?wide\b`},
	{"china", `全国|中国|我国|\bChina\b|\b[Tt]he country's\b|\bnationwide\b|\b[Tt]he nation's\b`},
	{"", `\b[A-Z][a-z]+ (?:New )?(?:District|Area)\b|[\p{Han}]{2}区委书记`},
}

// regionRE finds region names; its groups are numbered as regionNames.
var regionRE = func() *regexp.Regexp {
	parts := make([]string, len(regionNames))
	for i, r := range regionNames {
		parts[i] = "(" + r.pattern + ")"
	}
	return regexp.MustCompile(strings.Join(parts, "|"))
}()

// organisationAfter matches what follows the name of the city, the
// province or the nation when it belongs to an organisation or an event.
var organisationAfter = regexp.MustCompile(`^(?:[市省区]?(?:委|政府|日报|统计局|人大|政协|[^表]?大会|会议|高质量发展|部署)|` +
	`\s*(?:Daily|Municipal|Provincial|Party|High-[Qq]uality|[Cc]onference|Bureau|Government))`)

// placeAfter matches what follows a district's name when it names a place
// in it (白云国际机场, 天河路) that other districts' texts mention too.
var placeAfter = regexp.MustCompile(`^(?:国际机场|机场|站|山|路|大道|湖|体育|\s*(?:Airport|Station|Road|Mountain|International Airport))`)

// findMentions returns every region name in text, in order.
func findMentions(text string) []mention {
	var out []mention
	for _, m := range regionRE.FindAllStringSubmatchIndex(text, -1) {
		for g, r := range regionNames {
			if m[2+2*g] < 0 {
				continue
			}
			if mn, ok := newMention(text, span{m[0], m[1]}, r.region); ok {
				out = append(out, mn)
			}
			break
		}
	}
	return out
}

// newMention classifies one region name found at s; ok is false for a
// district's name that names a place in it.
func newMention(text string, s span, region string) (mention, bool) {
	after := text[s.end:min(len(text), s.end+24)]
	switch region {
	case "guangzhou", "guangdong", "china":
		return mention{span: s, region: region, level: levelHigher, organisation: organisationAfter.MatchString(after)}, true
	}
	if region == "" && !isPinyinName(text[s.start:s.end]) {
		return mention{}, false
	}
	return mention{span: s, region: region, level: levelDistrict}, !placeAfter.MatchString(after)
}

// pinyinName matches a word made of pinyin syllables, as the English names
// of Chinese places are (Dinghu), and unlike English words (Business).
var pinyinName = regexp.MustCompile(`^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|er|a|o|e|i|u|v))+$`)

// isPinyinName reports whether the first word of an English name such as
// "Dinghu District" is pinyin. Chinese names (鼎湖区委书记) always pass.
func isPinyinName(name string) bool {
	word, _, ok := strings.Cut(name, " ")
	if !ok {
		return true
	}
	return pinyinName.MatchString(strings.ToLower(word))
}

// anaphor matches words that point back to the district the text is
// about without naming it.
var anaphor = regexp.MustCompile(`(?i)全区|本区|我区|\bthe district\b|\bthe whole district\b|\bdistrict-?wide\b`)
