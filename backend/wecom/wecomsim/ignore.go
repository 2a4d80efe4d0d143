package wecomsim

// WeCom answers some user/update requests with "updated" and changes
// nothing: the mobile of an activated member is the documented case
// (WithActiveMobileLock). IgnoreUserFields lets a test add others, so that
// a sync's read-back can be seen to catch a change WeCom did not make.

// IgnoreUserFields makes user/update silently ignore the named fields
// ("position", "name", "mobile", "email", "alias", "department", "enable");
// no names turns it off. The answer stays errcode 0 "updated".
func (s *Sim) IgnoreUserFields(fields ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ignored = map[string]bool{}
	for _, f := range fields {
		s.ignored[f] = true
	}
}

// dropIgnored clears the fields of b the simulator was told to ignore.
// The caller holds s.mu.
func (s *Sim) dropIgnored(b *userBody) {
	for f := range s.ignored {
		switch f {
		case "name":
			b.Name = nil
		case "position":
			b.Position = nil
		case "mobile":
			b.Mobile = nil
		case "email":
			b.Email = nil
		case "alias":
			b.Alias = nil
		case "department":
			b.Department, b.MainDepartment, b.Order = nil, nil, nil
		case "enable":
			b.Enable = nil
		}
	}
}
