package push

import (
	"context"
	"strconv"

	"wecom-bridge/backend/configaudit"
)

// auditSettings records which settings changed, without their values.
func (s *Service) auditSettings(ctx context.Context, old, in Settings) error {
	type field struct {
		name     string
		from, to string
	}
	fields := []field{
		{"intake_enabled", boolSetting(old.IntakeEnabled), boolSetting(in.IntakeEnabled)},
		{"intake_addr", old.IntakeAddr, in.IntakeAddr},
		{"strict_sources", boolSetting(old.StrictSources), boolSetting(in.StrictSources)},
	}
	oldInts := old.intSettings()
	for i, f := range in.intSettings() {
		fields = append(fields, field{f.field, strconv.Itoa(*oldInts[i].v), strconv.Itoa(*f.v)})
	}
	var entries []configaudit.Entry
	for _, f := range fields {
		if f.from != f.to {
			entries = append(entries, configaudit.Entry{Subject: "push.settings", Action: configaudit.ActionFieldChanged,
				Field: f.name, Note: "intake setting changed"})
		}
	}
	return configaudit.Record(ctx, s.st.DB, s.actor, s.now(), entries...)
}
