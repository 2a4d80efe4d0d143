package oidc

import "context"

// Info is what an admin copies into a relying party's settings.
type Info struct {
	Issuer        string `json:"issuer"` // "" until the 对外域名 is set or the listener runs
	Discovery     string `json:"discovery"`
	Authorize     string `json:"authorize"`
	Token         string `json:"token"`
	Userinfo      string `json:"userinfo"`
	Keys          string `json:"keys"`
	EndSession    string `json:"endSession"`
	WeComRedirect string `json:"wecomRedirect"` // its host must be the app's 可信域名
}

// Info returns the provider's endpoints under the current issuer.
func (s *Service) Info(ctx context.Context) (Info, error) {
	iss, err := s.login.Issuer(ctx)
	if err != nil || iss == "" {
		return Info{}, err
	}
	return Info{Issuer: iss, Discovery: iss + PathDiscovery, Authorize: iss + PathAuthorize, Token: iss + PathToken,
		Userinfo: iss + PathUserinfo, Keys: iss + PathKeys, EndSession: iss + PathEndSession, WeComRedirect: iss + PathReturn}, nil
}
