package extract

// readRegion sets the figure's region: a region named in its sentence
// before it (the city, province or nation only as the metric's subject);
// else the nearest district named earlier in the text; else the region
// given in the options.
func (d *document) readRegion(f *Figure, c candidate) {
	m, ok := d.regionInSentence(c)
	if !ok {
		m, ok = d.regionBefore(c)
	}
	switch {
	case ok && m.region == "":
		f.markUncertain(fieldRegion)
		f.Note = joinNote(f.Note, "The text names a region the catalog lacks: "+m.of(d.text)+".")
	case ok:
		f.Region = m.region
	case d.opt.Region != "":
		f.Region = d.opt.Region
	default:
		f.markUncertain(fieldRegion)
	}
}

// regionInSentence looks for the nearest region named in the figure's
// sentence before its number.
func (d *document) regionInSentence(c candidate) (mention, bool) {
	for i := d.mentionsBefore(c.q.start) - 1; i >= 0; i-- {
		m := d.mentions[i]
		if m.start < c.sentence.start {
			break
		}
		if m.level == levelDistrict || d.isSubject(m, c) {
			return m, true
		}
	}
	return mention{}, false
}

// isSubject reports whether a name of the city, province or nation is the
// subject of the figure's metric: right before the metric phrase (全市地区
// 生产总值, "the city's GDP") or between it and the number.
func (d *document) isSubject(m mention, c candidate) bool {
	if m.organisation {
		return false
	}
	if m.start >= c.metric.end && m.end <= c.q.start {
		return true
	}
	if m.end > c.metric.start {
		return false
	}
	gap := d.text[m.end:c.metric.start]
	return len(gap) <= 16 && !containsClauseMark(gap)
}

// containsClauseMark reports whether t has a clause mark.
func containsClauseMark(t string) bool {
	for _, r := range t {
		if isClauseMark(r) {
			return true
		}
	}
	return false
}

// regionBefore looks back from the figure's sentence: the nearest district
// in its paragraph; a city, province or nation named outside any
// organisation when the paragraph names no district and the clause does
// not point to the district (全区); the nearest district named earlier.
func (d *document) regionBefore(c candidate) (mention, bool) {
	para := d.paras[c.para]
	var higher *mention
	for i := d.mentionsBefore(c.sentence.start) - 1; i >= 0; i-- {
		m := d.mentions[i]
		if m.start < para.start {
			break
		}
		if m.level == levelDistrict {
			return m, true
		}
		if higher == nil && para.contains(m.start) && !m.organisation {
			higher = &d.mentions[i]
		}
	}
	if higher != nil && !d.pointsToDistrict(c) {
		return *higher, true
	}
	return d.districtBefore(para.start)
}

// pointsToDistrict reports whether the figure's clause says 全区 or "the
// district".
func (d *document) pointsToDistrict(c candidate) bool {
	return d.idx.anaphor.any(span{c.sentence.start, c.q.start})
}

// districtBefore returns the nearest district named before p.
func (d *document) districtBefore(p int) (mention, bool) {
	i := d.mentionsBefore(p) - 1
	if i < 0 || d.idx.lastDistrict[i] < 0 {
		return mention{}, false
	}
	return d.mentions[d.idx.lastDistrict[i]], true
}

// joinNote appends a sentence to a note.
func joinNote(note, more string) string {
	if note == "" {
		return more
	}
	return note + " " + more
}
