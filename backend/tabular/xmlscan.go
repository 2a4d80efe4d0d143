package tabular

// xmlScanner finds the local names of start tags in a stream of XML bytes,
// across buffer boundaries, without building anything. It is a guard, not a
// parser: comments, CDATA and a '>' inside an attribute value are rare in
// workbooks and at worst miscounted.
type xmlScanner struct {
	inTag  bool   // after '<'
	inName bool   // reading the tag's name
	skip   bool   // an end tag, <? or <!: not a start tag
	name   []byte // the name so far, without a namespace prefix
	run    int    // the longest run of bytes without a '<' so far
	cur    int    // the current run
}

// feed scans p and calls tag with the name of each start tag completed in it.
func (s *xmlScanner) feed(p []byte, tag func(name []byte)) {
	for _, b := range p {
		if b == '<' {
			s.inTag, s.inName, s.skip, s.name, s.cur = true, true, false, s.name[:0], 0
			continue
		}
		if s.cur++; s.cur > s.run {
			s.run = s.cur
		}
		if !s.inTag {
			continue
		}
		if !s.inName {
			s.inTag = b != '>'
			continue
		}
		switch {
		case len(s.name) == 0 && (b == '/' || b == '?' || b == '!'):
			s.skip, s.inName = true, false
		case b == '>' || b == '/' || b == ' ' || b == '\t' || b == '\r' || b == '\n':
			s.inName, s.inTag = false, b != '>'
			if !s.skip {
				tag(s.name)
			}
		case b == ':':
			s.name = s.name[:0]
		case len(s.name) < 16:
			s.name = append(s.name, b)
		}
	}
}
