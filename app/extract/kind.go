package extract

import (
	"regexp"

	"gztargets/app/model"
)

// Cues that a figure is a goal or a result. Strong cues name it (目标,
// 力争, "goal"; 同比, "year-on-year", 去年); weak cues only lean (将, "will";
// "grew", 实现了).
var (
	targetStrong = regexp.MustCompile(`(?i)目标|预期|力争|争取|确保|锚定|紧盯|奋力|努力|\bgoals?\b|\btargets?\b|\bstriv(?:e|es|ing)\b|\baim(?:s|ing|ed)? (?:to|for|at)\b|\bpledg|\bvow|\bplan(?:s|ned)? to\b`)
	targetWeak   = regexp.MustCompile(`(?i)将|要|推动|拟|促进|\bwill\b|\bshall\b|\bto (?:promote|achieve|reach|complete|exceed|grow|increase)\b|\bpromote\b|\banchor\b`)
	actualStrong = regexp.MustCompile(`(?i)同比|比上年|比去年|较上年|较去年|过去一年|去年|上年|已经|累计|\byear[- ]on[- ]year\b|\bover the (?:previous|same period|last)\b|\bcompared (?:with|to) (?:the )?(?:previous|last) year\b|\blast year\b|\bin the past year\b`)
	actualWeak   = regexp.MustCompile(`(?i)实现了|完成了|达到了|增长了|已|上半年|前三季度|\bwas\b|\bwere\b|\bgrew\b|\brose\b|\bincreased\b|\breached\b|\bachieved\b|\brecorded\b|\bregistered\b|\bhas (?:exceeded|reached|grown|increased)\b|\bfirst half\b`)
	provisional  = regexp.MustCompile(`(?i)预计|预估|\bexpected to (?:have|reach|be|grow|increase)\b|\bestimated\b`)
)

// kindCues weighs the cues: positive for a goal, negative for a result.
var kindCues = []weighted{{targetStrong, 3}, {targetWeak, 1}, {actualStrong, -3}, {actualWeak, -1}}

// kindOf decides from a score; ok is false when it cannot.
func kindOf(score int) (string, bool) {
	switch {
	case score > 0:
		return model.KindTarget, true
	case score < 0:
		return model.KindActual, true
	}
	return "", false
}

// Where a goal was set: a plan adopted by the people's congress (the
// government work report, the annual plan), or a pledge at a conference.
var (
	planMarks   = regexp.MustCompile(`(?i)政府工作报告|工作报告|人民代表大会|人代会|人大[^，,。]{0,6}次会议|国民经济和社会发展计划|计划草案|计划执行情况|年度计划|\bwork report\b|\bsession of the [^.]{0,60}people's congress\b|\bpeople's congress session\b|\b(?:annual|draft) plan\b|\bnational economic and social development plan\b`)
	pledgeMarks = regexp.MustCompile(`(?i)高质量发展大会|(?:^|[^表])大会|全会|经济工作会议|书记|\bconference\b|\bsecretary\b|\bparty chief\b|\bplenary\b|\bpledged?\b|\bvowed?\b`)
)

// stageFrom reads the stage from whether there are plan and pledge marks;
// ok is false when there are none or both.
func stageFrom(plan, pledge bool) (string, bool) {
	switch {
	case plan && !pledge:
		return model.StagePlan, true
	case pledge && !plan:
		return model.StagePledge, true
	}
	return model.StageUnknown, false
}

// stageLocal reads the stage from the marks near a figure: a plan mark
// wins there over a speaker (a district head delivers the work report).
func stageLocal(plan, pledge bool) (string, bool) {
	switch {
	case plan:
		return model.StagePlan, true
	case pledge:
		return model.StagePledge, true
	}
	return "", false
}

// Periods: the first half has its own records; other parts of a year
// (quarters, months) are not figures of the dataset.
var (
	firstHalf  = regexp.MustCompile(`(?i)上半年|1\s*[-—–~至]\s*6月|一至六月|\bfirst half\b|\bH1\b|\bfirst six months\b|\bJanuary[- ](?:to[- ])?June\b`)
	partOfYear = regexp.MustCompile(`(?i)[一二三四1-4]季度|前三季度|1\s*[-—–~至]\s*(?:[2-57-9]|1[01])月|\bquarter\b|\bQ[1-4]\b|\bfirst (?:two|three|four|five|seven|eight|nine|ten|eleven) months\b`)
)
