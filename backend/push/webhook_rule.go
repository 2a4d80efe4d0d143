package push

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"wecom-bridge/backend/secrets"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// WithVault seals the rules' webhook secrets (the corp secrets' vault).
func WithVault(v *secrets.Vault) Option { return func(s *Service) { s.cards.vault = v } }

// RuleWebhook is a rule's card-click webhook as the UI sees it: the secret
// only as its last four characters, unless just generated (shown once).
type RuleWebhook struct {
	RuleID     int64  `json:"ruleId"`
	RuleName   string `json:"ruleName"`
	Source     string `json:"source"`
	URL        string `json:"url"`
	HasSecret  bool   `json:"hasSecret"`
	SecretMask string `json:"secretMask"`
	// Secret is set only in the answer that generated it: copy it to the
	// source system now, it is never shown again.
	Secret string `json:"secret,omitempty"`
}

type webhookRow struct {
	ID     int64  `db:"id"`
	Name   string `db:"name"`
	Source string `db:"source"`
	URL    string `db:"webhook_url"`
	Secret string `db:"webhook_secret_enc"`
}

func (s *Service) openSecret(enc string) (string, error) {
	if enc == "" {
		return "", nil
	}
	if s.cards.vault == nil {
		return "", errors.New("no vault is wired into the push service")
	}
	return s.cards.vault.Decrypt(enc)
}

func (s *Service) webhookView(r webhookRow) RuleWebhook {
	w := RuleWebhook{RuleID: r.ID, RuleName: r.Name, Source: r.Source, URL: r.URL, HasSecret: r.Secret != ""}
	if plain, err := s.openSecret(r.Secret); err == nil && plain != "" {
		w.SecretMask = secrets.Mask(plain)
	}
	return w
}

// ListRuleWebhooks lists every rule with its webhook.
func (s *Service) ListRuleWebhooks(ctx context.Context) ([]RuleWebhook, error) {
	var rows []webhookRow
	if err := s.st.DB.SelectContext(ctx, &rows, `SELECT id, name, source, webhook_url, webhook_secret_enc FROM push_rules ORDER BY id`); err != nil {
		return nil, err
	}
	out := make([]RuleWebhook, len(rows))
	for i, r := range rows {
		out[i] = s.webhookView(r)
	}
	return out, nil
}

// SetRuleWebhook sets (or, with "", removes) a rule's webhook URL. A rule
// given a URL without a secret gets one, returned once; rotate makes a new
// secret (the old one stops working at once).
func (s *Service) SetRuleWebhook(ctx context.Context, ruleID int64, url string, rotate bool) (RuleWebhook, error) {
	url = strings.TrimSpace(url)
	if url != "" {
		if err := checkURL("webhook_url", url); err != nil {
			return RuleWebhook{}, usererr.New("webhook_url_invalid", usererr.Args{"url": url})
		}
	}
	var r webhookRow
	if err := s.st.DB.GetContext(ctx, &r, `SELECT id, name, source, webhook_url, webhook_secret_enc FROM push_rules WHERE id = ?`, ruleID); err != nil {
		return RuleWebhook{}, usererr.Wrap(store.ErrNotFound, "webhook_rule_not_found", usererr.Args{"id": ruleID})
	}
	fresh := ""
	if url != "" && (r.Secret == "" || rotate) {
		if s.cards.vault == nil {
			return RuleWebhook{}, errors.New("no vault is wired into the push service")
		}
		fresh = newWebhookSecret()
		enc, err := s.cards.vault.Encrypt(fresh)
		if err != nil {
			return RuleWebhook{}, fmt.Errorf("seal webhook secret: %w", err)
		}
		r.Secret = enc
	}
	if url == "" {
		r.Secret = ""
	}
	r.URL = url
	if _, err := s.writeExec(ctx, `UPDATE push_rules SET webhook_url = ?, webhook_secret_enc = ? WHERE id = ?`, r.URL, r.Secret, ruleID); err != nil {
		return RuleWebhook{}, err
	}
	s.ruleCache.invalidate()
	w := s.webhookView(r)
	w.Secret = fresh
	return w, nil
}
