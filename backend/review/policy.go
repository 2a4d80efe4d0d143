package review

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/binding"
)

// storedPolicy is the persisted form of binding.Policy, with JSON names of
// its own so a rename in the engine does not lose saved policies.
type storedPolicy struct {
	KeyPairs []struct {
		WeCom string `json:"wecom"`
		Local string `json:"local"`
	} `json:"keyPairs"`
	AutoConfirmKeys  bool `json:"autoConfirmKeys"`
	AutoConfirmNames bool `json:"autoConfirmNames"`
}

func encodePolicy(p binding.Policy) (string, error) {
	var sp storedPolicy
	for _, k := range p.KeyPairs {
		sp.KeyPairs = append(sp.KeyPairs, struct {
			WeCom string `json:"wecom"`
			Local string `json:"local"`
		}{k.WeCom, k.Local})
	}
	sp.AutoConfirmKeys, sp.AutoConfirmNames = p.AutoConfirmKeys, p.AutoConfirmNames
	b, err := json.Marshal(sp)
	return string(b), err
}

func decodePolicy(s string) (binding.Policy, error) {
	if s == "" {
		return binding.DefaultPolicy(), nil
	}
	var sp storedPolicy
	if err := json.Unmarshal([]byte(s), &sp); err != nil {
		return binding.Policy{}, err
	}
	p := binding.Policy{AutoConfirmKeys: sp.AutoConfirmKeys, AutoConfirmNames: sp.AutoConfirmNames}
	for _, k := range sp.KeyPairs {
		p.KeyPairs = append(p.KeyPairs, binding.KeyPair{WeCom: k.WeCom, Local: k.Local})
	}
	return p, nil
}

// GetPolicy returns the corp's matching policy: the last one saved or used
// by Rematch, else binding.DefaultPolicy().
func (s *Service) GetPolicy(ctx context.Context, corpID int64) (binding.Policy, error) {
	var raw string
	err := s.st.DB.GetContext(ctx, &raw, `SELECT policy FROM bind_corp_state WHERE corp_id = ?`, corpID)
	if errors.Is(err, sql.ErrNoRows) {
		return binding.DefaultPolicy(), nil
	}
	if err != nil {
		return binding.Policy{}, err
	}
	p, err := decodePolicy(raw)
	if err != nil {
		return binding.Policy{}, fmt.Errorf("the saved binding policy of corp %d is unreadable (%v); save the policy again", corpID, err)
	}
	return p, nil
}

// SetPolicy validates and saves the corp's matching policy. It takes effect
// at the next Rematch.
func (s *Service) SetPolicy(ctx context.Context, corpID int64, p binding.Policy) error {
	if err := p.Validate(); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return s.write(ctx, corpID, func(tx *sqlx.Tx) error { return savePolicy(ctx, tx, corpID, p) })
}

func savePolicy(ctx context.Context, tx *sqlx.Tx, corpID int64, p binding.Policy) error {
	raw, err := encodePolicy(p)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO bind_corp_state(corp_id, policy) VALUES(?, ?)
		ON CONFLICT(corp_id) DO UPDATE SET policy = excluded.policy`, corpID, raw)
	return err
}
